package org.temper.weka.it;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The package's KnowledgeFlow template (ArffLoader, ClassAssigner, TrainTestSplitMaker,
 * LabelSmoothedNetwork, ClassifierPerformanceEvaluator, TextViewer and TextSaver), taken from the
 * installed package jar and run headless by Weka's FlowRunner; its TextSaver writes to the home
 * folder, here target/knowledgeflow-it.
 */
class KnowledgeFlowIT {

    private static final String TEMPLATE = "org/temper/weka/templates/calibration.kf";

    @Test
    void flowRunnerRunsTheTemplateAndSavesCalibration() throws Exception {
        Path home = WekaJvm.installedHome();
        Path dir = Files.createDirectories(Paths.get("target", "knowledgeflow-it").toAbsolutePath());
        Path flow = dir.resolve("calibration.kf");
        try (ZipFile jar = new ZipFile(home.resolve("packages/temper/temper-weka.jar").toFile())) {
            Files.write(flow, jar.getInputStream(jar.getEntry(TEMPLATE)).readAllBytes());
        }
        Path saved = dir.resolve("temper-calibration.txt");
        Files.deleteIfExists(saved);
        WekaJvm.Result r = WekaJvm.run(home, Map.of(), List.of("-Duser.home=" + dir),
                "weka.knowledgeflow.FlowRunner", flow.toString());
        String log = r.out() + r.err();
        assertEquals(0, r.exitCode(), log);
        assertTrue(log.contains("LabelSmoothedNetwork: epoch 20/20: loss "), "the network trained:\n" + log);
        assertTrue(Files.exists(saved), log);
        String text = Files.readString(saved);
        assertTrue(text.contains("Scheme: LabelSmoothedNetwork"), text);
        assertTrue(text.contains("Relation: german_credit"), text);
        for (String label : new String[] {"Expected calibration error \\(ECE\\)", "Maximum calibration error \\(MCE\\)",
            "Adaptive ECE \\(equal-mass bins\\)", "Brier score"}) {
            assertTrue(text.matches("(?s).*\\n" + label + " +0\\.\\d+ *\\n.*"), label + " measured:\n" + text);
        }
    }
}
