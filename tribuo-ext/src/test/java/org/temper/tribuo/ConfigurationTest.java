package org.temper.tribuo;

import com.oracle.labs.mlrg.olcut.config.ConfigurationData;
import com.oracle.labs.mlrg.olcut.config.ConfigurationManager;
import com.oracle.labs.mlrg.olcut.config.json.JsonConfigFactory;
import com.oracle.labs.mlrg.olcut.provenance.ProvenanceUtil;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.Dataset;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.provenance.TrainerProvenance;
import org.tribuo.test.Helpers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigurationTest {

    private static final String XML = "/org/temper/tribuo/trainers.xml";

    @BeforeAll
    static void registerJson() {
        ConfigurationManager.addFileFormatFactory(new JsonConfigFactory());
    }

    @Test
    void trainersComeFromAnXmlFile() {
        ConfigurationManager cm = new ConfigurationManager(XML);
        LabelSmoothingTrainer smoothing = (LabelSmoothingTrainer) cm.lookup("smoothing");
        ConfidencePenaltyTrainer penalty = (ConfidencePenaltyTrainer) cm.lookup("penalty");
        assertTrue(smoothing.toString().startsWith("LabelSmoothingTrainer(seed=3, Recipe{"), smoothing.toString());
        assertTrue(smoothing.toString().contains("alpha=0.2, smoothing=other_classes"), smoothing.toString());
        assertTrue(smoothing.toString().contains("optimizer=adam, learningRate=0.003"), smoothing.toString());
        assertTrue(penalty.toString().contains("penalty=0.4, annealing=linear, hinge=1.5"), penalty.toString());
        TrainerProvenance p = smoothing.getProvenance();
        String settings = p.getConfiguredParameters().get("settings").toString();
        assertTrue(settings.contains("ADAM") && settings.contains("COSINE") && settings.contains("16"), settings);
    }

    @Test
    void aModelsProvenanceRebuildsItsTrainer() {
        Trainer<Label> trainer = (LabelSmoothingTrainer) new ConfigurationManager(XML).lookup("smoothing");
        Dataset<Label> data = FashionMnist.slice(0, 300);
        NetworkModel model = (NetworkModel) trainer.train(data);
        List<ConfigurationData> config = ProvenanceUtil.extractConfiguration(model.getProvenance().getTrainerProvenance());
        ConfigurationManager rebuilt = new ConfigurationManager();
        rebuilt.addConfiguration(config);
        String name = ProvenanceUtil.computeName(model.getProvenance().getTrainerProvenance(), 0);
        Trainer<?> again = (Trainer<?>) rebuilt.lookup(name);
        assertEquals(model.getProvenance().getTrainerProvenance(), again.getProvenance());
    }

    @Test
    void settingsSurviveAConfigurationRoundTrip() {
        Helpers.testConfigurableRoundtrip(new NetworkSettings().hiddenSizes(64, 32).dropout(0.2).stepSchedule(5, 0.5)
                .validation(0.1, 2).device("cpu", 1));
    }

    @Test
    void distillationFromAJsonFileWithATeacherModelFile(@TempDir Path dir) throws Exception {
        Dataset<Label> data = FashionMnist.slice(0, 300);
        Path teacherFile = dir.resolve("teacher.tribuo");
        LabelSmoothingTrainer.hardTargets(Settings.small().epochs(1, 64), 1).train(data).serializeToFile(teacherFile);
        Path json = dir.resolve("distil.json");
        Files.writeString(json, """
                {"config": {"components": [
                  {"name": "network", "type": "org.temper.tribuo.NetworkSettings",
                   "properties": {"hiddenSizes": ["8"], "epochs": "1", "batchSize": "64"}},
                  {"name": "distil", "type": "org.temper.tribuo.DistillationTrainer",
                   "properties": {"settings": "network", "temperature": "2.0", "softWeight": "0.5",
                                  "softTerm": "MSE_SOFTENED_PROBABILITIES", "teacherModelFile": "%s"}}
                ]}}
                """.formatted(teacherFile.toString().replace("\\", "\\\\")));
        DistillationTrainer trainer = (DistillationTrainer) new ConfigurationManager(json.toString()).lookup("distil");
        NetworkModel student = trainer.train(data);
        assertTrue(student.getProvenance().getInstanceProvenance().getMap().containsKey("teacher"));
        assertTrue(trainer.toString().contains("temperature=2, softWeight=0.5, softTerm=mse_softened_probabilities"),
                trainer.toString());
    }
}
