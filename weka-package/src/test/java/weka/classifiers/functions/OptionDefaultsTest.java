package weka.classifiers.functions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.temper.onnx.recipe.Recipe;
import org.temper.weka.InProcessWeka;
import org.temper.weka.TabularData;
import weka.classifiers.evaluation.Evaluation;
import weka.core.Instances;
import weka.core.Option;
import weka.core.OptionMetadata;

import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The classifiers' defaults, as -h lists them and as the GenericObjectEditor shows a new classifier, are
 * Recipe.defaults(); DistilledNetwork's temperature is -temperature, leaving -T to Weka's test file.
 */
class OptionDefaultsTest {

    static AbstractTemperNetwork[] classifiers() {
        return new AbstractTemperNetwork[] {new LabelSmoothedNetwork(), new ConfidencePenaltyNetwork(),
            new DistilledNetwork()};
    }

    /** @return each option that maps onto the recipe, with the value Recipe.defaults() gives it */
    private static Map<String, Object> recipeDefaults(AbstractTemperNetwork network) {
        Recipe d = Recipe.defaults();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("hidden", Arrays.stream(d.hidden()).mapToObj(Integer::toString).collect(Collectors.joining(",")));
        m.put("dropout", d.dropout());
        m.put("init", d.initializer());
        m.put("epochs", d.epochs());
        m.put("mini-batch", d.batchSize());
        m.put("optimizer", d.optimizer());
        m.put("lr", d.learningRate());
        m.put("momentum", d.momentum());
        m.put("weight-decay", d.weightDecay());
        m.put("schedule", d.schedule());
        m.put("step-epochs", d.stepEpochs());
        m.put("step-gamma", d.stepGamma());
        m.put("preprocessing", d.preprocessing());
        m.put("validation", d.validationFraction());
        m.put("patience", d.patience());
        m.put("threads", d.threads());
        m.put("S", Math.toIntExact(d.seed()));
        if (network instanceof LabelSmoothedNetwork) {
            m.put("alpha", d.alpha());
            m.put("smoothing", d.smoothing());
        } else if (network instanceof ConfidencePenaltyNetwork) {
            m.put("beta", d.penalty());
            m.put("anneal", d.annealing());
        } else {
            m.put("temperature", d.temperature());
            m.put("soft-weight", d.softWeight());
            m.put("soft-term", d.softTerm());
        }
        return m;
    }

    /** @return a new classifier's property values by option name, read as the GenericObjectEditor reads them */
    private static Map<String, Object> editorValues(AbstractTemperNetwork fresh) throws Exception {
        Map<String, Object> values = new LinkedHashMap<>();
        for (PropertyDescriptor p : Introspector.getBeanInfo(fresh.getClass()).getPropertyDescriptors()) {
            Method getter = p.getReadMethod();
            OptionMetadata meta = getter == null ? null : getter.getAnnotation(OptionMetadata.class);
            if (meta != null && p.getWriteMethod() != null) {
                values.put(meta.commandLineParamName(), getter.invoke(fresh));
            }
        }
        return values;
    }

    @ParameterizedTest
    @MethodSource("classifiers")
    void helpAndTheObjectEditorShowTheRecipeDefaults(AbstractTemperNetwork network) throws Exception {
        Map<String, Object> expected = recipeDefaults(network);
        Map<String, Object> editor = editorValues(network);
        Map<String, Option> listed = Collections.list(network.listOptions()).stream()
                .collect(Collectors.toMap(Option::name, Function.identity()));
        String help = assertThrows(Exception.class, () -> Evaluation.evaluateModel(network, new String[] {"-h"}))
                .getMessage();
        String name = network.getClass().getSimpleName();
        expected.forEach((option, value) -> {
            assertEquals(value, editor.get(option), name + " -" + option + " in the GenericObjectEditor");
            Option o = listed.get(option);
            assertNotNull(o, name + " lists -" + option);
            assertTrue(o.description().endsWith(" (default " + value + ")"), name + " -" + option + ": "
                    + o.description());
            assertTrue(help.contains(o.synopsis() + "\n" + o.description()), name + " -h shows -" + option + ":\n"
                    + help);
        });
    }

    @Test
    void temperatureIsItsOwnOptionAndMinusTStillNamesTheTestFile(@TempDir Path dir) throws Exception {
        InProcessWeka.registerMetric();
        Instances wine = TabularData.wine();
        wine.randomize(new Random(1));
        Path train = dir.resolve("wine-train.arff");
        Path test = dir.resolve("wine-test.arff");
        Files.writeString(train, new Instances(wine, 0, 120).toString());
        Files.writeString(test, new Instances(wine, 120, wine.numInstances() - 120).toString());

        InProcessWeka.Output r = InProcessWeka.run(DistilledNetwork.class.getName(), "-t", train.toString(),
                "-T", test.toString(), "-temperature", "2.5", "-teacher", "weka.classifiers.functions.Logistic",
                "-hidden", "8", "-epochs", "5", "-mini-batch", "16", "-lr", "0.02");
        assertFalse(r.err().contains("Error"), r.err());
        assertTrue(r.out().contains("temperature: 2.5"), "the model was distilled at T = 2.5:\n" + r.out());
        String onTest = r.out().substring(r.out().indexOf("=== Error on test data ==="));
        assertTrue(onTest.matches("(?s).*Total Number of Instances\\s+58\\b.*"), "-T was the test file:\n" + onTest);
        assertTrue(onTest.contains("Mean confidence (top probability)"), onTest);
        assertTrue(onTest.contains("Negative log-likelihood (NLL)"), onTest);

        String help = InProcessWeka.run(DistilledNetwork.class.getName(), "-h").err();
        assertTrue(help.contains("-T <name of test file>"), help);
        assertTrue(help.contains("-temperature <T>"), help);
    }
}
