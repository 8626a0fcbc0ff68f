package org.temper.onnx.recipe;

import org.junit.jupiter.api.Test;
import org.temper.onnx.zoo.Initializer;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Settings given as text ({@code Recipe.Builder#set}): the notation of {@code Recipe#settings()}, round trip included. */
class RecipeSettingTest {

    private static Recipe fromSettings(Recipe r) {
        Recipe.Builder b = Recipe.builder();
        r.settings().forEach(b::set);
        return b.build();
    }

    @Test
    void everyRecipeRoundTripsThroughItsSettings() {
        List<Recipe> recipes = List.of(Recipe.defaults(),
                Recipe.builder().hidden(128, 64).layerRates(1, 1, 0.1).dropout(0.25).initializer(Initializer.NORMAL_003)
                        .objective(Recipe.ObjectiveKind.CONFIDENCE_PENALTY).penalty(1.5)
                        .annealing(Recipe.Annealing.LINEAR).hinge(0.0).optimizer(Recipe.OptimizerKind.SGD)
                        .nesterov(true).schedule(Recipe.Schedule.STEP).stepEpochs(3).stepGamma(0.5).clipNorm(5)
                        .validationFraction(0.1).patience(2).timeBudgetSeconds(60).seed(7).build(),
                Recipe.builder().hidden().objective(Recipe.ObjectiveKind.HARD_TARGETS)
                        .optimizer(Recipe.OptimizerKind.ADAMW).learningRate(0.001).weightDecay(0.01)
                        .preprocessing(Recipe.Preprocessing.NONE).device("cuda:1").threads(1).build(),
                Recipe.builder().importedNetwork(Path.of("net.onnx"), null).build(),
                Recipe.builder().importedNetwork(Path.of("net.onnx"), "scores").build());
        for (Recipe r : recipes) {
            assertEquals(r, fromSettings(r), r.toString());
        }
    }

    @Test
    void textIsReadAsTheSettingsWriteIt() {
        Recipe r = Recipe.builder().set("hidden", "256, 128").set("objective", "CONFIDENCE_PENALTY")
                .set("hinge", "none").set("nesterov", "true").set("clipNorm", "none").set("alpha", "0.05").build();
        assertArrayEquals(new int[] {256, 128}, r.hidden());
        assertNull(r.hinge());
        assertTrue(r.nesterov());
        assertEquals(0.05, r.alpha());
        assertEquals(0, Recipe.builder().set("hidden", "none").build().hidden().length);
        assertEquals(36, Recipe.settingNames().size());
        assertTrue(Recipe.settingNames().containsAll(Recipe.defaults().settings().keySet()));
    }

    @Test
    void wrongNamesAndValuesAreRefusedNamingTheSetting() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> Recipe.builder().set("alfa", "0.1"));
        assertTrue(unknown.getMessage().startsWith("unknown setting 'alfa'"), unknown.getMessage());
        assertTrue(unknown.getMessage().contains("alpha"), unknown.getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Recipe.builder().set("Alpha", "0.1"))
                .getMessage().contains("did you mean alpha?"));
        assertEquals("alpha = x: not a number; give a decimal number such as 0.1",
                assertThrows(IllegalArgumentException.class, () -> Recipe.builder().set("alpha", "x")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Recipe.builder().set("epochs", "1.5"))
                .getMessage().startsWith("epochs = 1.5: not a whole number"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Recipe.builder().set("optimizer", "lbfgs"))
                .getMessage().contains("choose one of sgd, adam, adamw"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Recipe.builder().set("nesterov", "yes"))
                .getMessage().contains("give true or false"));
        // ranges stay the recipe's own rules, checked by build()
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Recipe.builder().set("alpha", "1.5").build())
                .getMessage().startsWith("alpha = 1.5: label smoothing's alpha must be in [0, 1)"));
    }
}
