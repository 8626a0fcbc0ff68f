package org.temper.weka.it;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The package's KnowledgeFlow template (ArffLoader, ClassAssigner, TrainTestSplitMaker,
 * LabelSmoothedNetwork, ClassifierPerformanceEvaluator, TextViewer and TextSaver), taken from the
 * installed package jar and run headless by Weka's FlowRunner, as it is and with meta.CalibratedClassifier
 * around J48 in the classifier step; its TextSaver writes to the home folder, here target/knowledgeflow-it.
 */
class KnowledgeFlowIT {

    private static final String TEMPLATE = "org/temper/weka/templates/calibration.kf";
    private static final String NETWORK = "\"class\" : \"weka.classifiers.functions.LabelSmoothedNetwork\",\n"
            + "\t\t\t\t\t\"options\" : \"-alpha 0.1 -hidden 32 -epochs 20\"";

    @Test
    void flowRunnerRunsTheTemplateAndSavesCalibration() throws Exception {
        Flow flow = Flow.run("template", template -> template);
        assertTrue(flow.log().contains("LabelSmoothedNetwork: epoch 20/20: loss "), "the network trained:\n"
                + flow.log());
        assertTrue(flow.saved().contains("Scheme: LabelSmoothedNetwork"), flow.saved());
    }

    @Test
    void aFlowWithCalibratedJ48RunsAndSavesCalibration() throws Exception {
        Flow flow = Flow.run("calibrated-j48", template -> {
            assertTrue(template.contains(NETWORK), "the template's classifier step:\n" + template);
            return template.replace(NETWORK, "\"class\" : \"weka.classifiers.meta.CalibratedClassifier\",\n"
                    + "\"options\" : \"-method isotonic -folds 3 -W weka.classifiers.trees.J48\"");
        });
        // the Scheme line names the step (the template's) and the classifier
        assertTrue(flow.saved().contains("Scheme: LabelSmoothedNetwork : CalibratedClassifier"), flow.saved());
        assertTrue(flow.saved().contains("Options: -method isotonic -folds 3 -holdout 0.0 -bins 15 -S 1 -W"
                + " weka.classifiers.trees.J48"), flow.saved());
    }

    /**
     * One FlowRunner run of the installed template.
     * @param log its standard output and error
     * @param saved what the TextSaver wrote, checked for the calibration metrics and the data set
     */
    private record Flow(String log, String saved) {

        static Flow run(String name, UnaryOperator<String> edit) throws Exception {
            Path home = WekaJvm.installedHome();
            Path dir = Files.createDirectories(Paths.get("target", "knowledgeflow-it", name).toAbsolutePath());
            Path flow = dir.resolve("calibration.kf");
            try (ZipFile jar = new ZipFile(home.resolve("packages/temper/temper-weka.jar").toFile())) {
                Files.writeString(flow, edit.apply(new String(jar.getInputStream(jar.getEntry(TEMPLATE)).readAllBytes(),
                        StandardCharsets.UTF_8)));
            }
            Path saved = dir.resolve("temper-calibration.txt");
            Files.deleteIfExists(saved);
            WekaJvm.Result r = WekaJvm.run(home, Map.of(), List.of("-Duser.home=" + dir),
                    "weka.knowledgeflow.FlowRunner", flow.toString());
            String log = r.out() + r.err();
            assertEquals(0, r.exitCode(), log);
            assertTrue(Files.exists(saved), log);
            String text = Files.readString(saved);
            assertTrue(text.contains("Relation: german_credit"), text);
            for (String label : new String[] {"Expected calibration error \\(ECE\\)",
                "Maximum calibration error \\(MCE\\)", "Adaptive ECE \\(equal-mass bins\\)", "Brier score",
                "Mean confidence \\(top probability\\)"}) {
                assertTrue(text.matches("(?s).*\\n" + label + " +0\\.\\d+ *\\n.*"), label + " measured:\n" + text);
            }
            assertTrue(text.matches("(?s).*\\nNegative log-likelihood \\(NLL\\) +\\d+\\.\\d+ *\\n.*"),
                    text);
            return new Flow(log, text);
        }
    }
}
