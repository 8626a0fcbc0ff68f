package org.temper.onnx.recipe;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The recipe's one set of defaults and its one validation, whose errors name the setting and the fix. */
class RecipeTest {

    @Test
    void defaultsAreTheDocumentedOnes() {
        Map<String, String> s = Recipe.defaults().settings();
        assertEquals("mlp", s.get("architecture"));
        assertEquals("256", s.get("hidden"));
        assertEquals("label_smoothing", s.get("objective"));
        assertEquals("0.1", s.get("alpha"));
        assertEquals("sgd", s.get("optimizer"));
        assertEquals("0.05", s.get("learningRate"));
        assertEquals("0.9", s.get("momentum"));
        assertEquals("20", s.get("epochs"));
        assertEquals("64", s.get("batchSize"));
        assertEquals("standardize", s.get("preprocessing"));
        assertEquals("cpu", s.get("device"));
        assertEquals("1", s.get("seed"));
    }

    @Test
    void settingsListOnlyTheChosenObjectivesOwn() {
        Map<String, String> cp = Recipe.builder().objective(Recipe.ObjectiveKind.CONFIDENCE_PENALTY).hinge(0.0).build()
                .settings();
        assertEquals("0", cp.get("hinge"), "0 is a threshold, not 'off'");
        assertFalse(cp.containsKey("alpha"));
        assertEquals("none", Recipe.builder().objective(Recipe.ObjectiveKind.CONFIDENCE_PENALTY).build()
                .settings().get("hinge"));
        Map<String, String> kd = Recipe.builder().objective(Recipe.ObjectiveKind.DISTILLATION).build().settings();
        assertEquals("4", kd.get("temperature"));
        assertEquals("0.6", kd.get("softWeight"));
        assertFalse(kd.containsKey("penalty"));
    }

    @Test
    void aCopyIsEqualAndAChangeIsNot() {
        Recipe r = Recipe.builder().hidden(8, 4).alpha(0.2).seed(9).build();
        assertEquals(r, r.toBuilder().build());
        assertNotEquals(r, r.toBuilder().alpha(0.3).build());
        assertEquals(0.1, Recipe.defaults().alpha(), "building from the defaults never changes them");
    }

    @Test
    void everyWrongSettingIsNamedWithItsFix() {
        assertMessage(() -> Recipe.builder().alpha(1.5).build(), "alpha = 1.5", "[0, 1)");
        assertMessage(() -> Recipe.builder().patience(3).build(), "patience = 3", "validationFraction");
        assertMessage(() -> Recipe.builder().batchSize(0).build(), "batchSize = 0", "batch size in [1,");
        assertMessage(() -> Recipe.builder().batchSize(Integer.MAX_VALUE).build(), "batchSize", "[1,");
        assertMessage(() -> Recipe.builder().threads(100_000).build(), "threads = 100000", "processors");
        assertMessage(() -> Recipe.builder().threads(-1).build(), "threads = -1", "0 for one per core");
        assertMessage(() -> Recipe.builder().device("tpu").build(), "device 'tpu'", "");
        assertMessage(() -> Recipe.builder().hidden(2_000_000_000).build(), "hidden", "[1, 65536]");
        assertMessage(() -> Recipe.builder().learningRate(Double.NaN).build(), "learningRate = NaN", "0.05");
        assertMessage(() -> Recipe.builder().hinge(-1.0).build(), "hinge = -1.0", "unset");
        assertMessage(() -> Recipe.builder().temperature(0).build(), "temperature = 0.0", "> 0");
        assertMessage(() -> Recipe.builder().augmentShift(100).build(), "augmentShift = 100", "[0, 64]");
        assertMessage(() -> Recipe.builder().layerRates(1, 1).hidden(5, 5).build(), "layerRates", "give 3");
        assertMessage(() -> Recipe.builder().nesterov(true).dampening(0.5).build(), "nesterov", "dampening 0");
        assertMessage(() -> Recipe.builder().timeBudgetSeconds(-5).build(), "timeBudgetSeconds = -5", "seconds");
    }

    private static void assertMessage(org.junit.jupiter.api.function.Executable build, String names, String fix) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build);
        assertTrue(e.getMessage().contains(names) && e.getMessage().contains(fix), e.getMessage());
    }
}
