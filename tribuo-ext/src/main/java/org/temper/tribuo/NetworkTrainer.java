package org.temper.tribuo;

import ai.onnxruntime.OrtException;
import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import org.temper.onnx.data.DenseDataset;
import org.temper.onnx.fit.FitResult;
import org.temper.onnx.fit.Fitter;
import org.temper.onnx.objective.Objective;
import org.tribuo.Dataset;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.provenance.ModelProvenance;
import org.tribuo.provenance.TrainerProvenance;
import org.tribuo.provenance.impl.TrainerProvenanceImpl;

import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * What the three Temper trainers share: checking the data set before anything else, converting it
 * to dense rows once, holding out validation data, building the network from the
 * {@link NetworkSettings}, running the engine's fit loop, and recording provenance. Each training
 * call draws its own seed from the trainer's seed and invocation count, as Tribuo's trainers do,
 * so a run is reproduced by {@code setInvocationCount}. Subclasses supply the objective.
 */
public abstract class NetworkTrainer implements Trainer<Label> {

    @Config(description = "The network and optimisation settings.")
    private NetworkSettings settings = new NetworkSettings();

    @Config(description = "Seed of initialisation, validation split, batch order and dropout.")
    private long seed = Trainer.DEFAULT_SEED;

    private SplittableRandom rng;
    private int invocationCount;

    /** For OLCUT: settings and seed come from the configuration. */
    protected NetworkTrainer() {
    }

    /**
     * Subclass constructors finish by calling {@link #postConfig()}.
     * @param settings the network and optimisation settings
     * @param seed the base seed
     */
    protected NetworkTrainer(NetworkSettings settings, long seed) {
        this.settings = settings;
        this.seed = seed;
    }

    /** Used by OLCUT after the fields are set; checks the settings. */
    @Override
    public synchronized void postConfig() {
        settings.validate();
        rng = new SplittableRandom(seed);
    }

    /** @return the network and optimisation settings. */
    protected NetworkSettings settings() {
        return settings;
    }

    @Override
    public NetworkModel train(Dataset<Label> examples) {
        return train(examples, Collections.emptyMap());
    }

    @Override
    public NetworkModel train(Dataset<Label> examples, Map<String, Provenance> runProvenance) {
        return train(examples, runProvenance, INCREMENT_INVOCATION_COUNT);
    }

    @Override
    public NetworkModel train(Dataset<Label> examples, Map<String, Provenance> runProvenance, int invocation) {
        TrainingData.check(examples);
        checkBeforeTraining(examples);
        TrainerProvenance provenance;
        long runSeed;
        synchronized (this) {
            if (invocation != INCREMENT_INVOCATION_COUNT) {
                setInvocationCount(invocation);
            }
            runSeed = rng.split().nextLong();
            provenance = getProvenance();
            invocationCount++;
        }
        DenseDataset all = DenseExamples.of(examples);
        float[] teacher = teacherLogits(examples, all);
        Objective objective = objective(all);
        DenseDataset train = all;
        DenseDataset validation = null;
        float[] trainTeacher = teacher;
        if (settings.validationFraction() > 0) {
            int[][] parts = DenseDataset.splitIndices(all.size(), settings.validationFraction(), runSeed);
            train = all.subset(parts[0]);
            validation = all.subset(parts[1]);
            trainTeacher = teacher == null ? null : rows(teacher, parts[0], all.numClasses());
        }
        FitResult result;
        try {
            result = new Fitter(settings.trainingConfig(objective, runSeed), List.of(new TrainingLog(getClass().getSimpleName())))
                    .fit(settings.network(all.exampleSize(), all.numClasses(), runSeed), train, validation, trainTeacher);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed while training: " + e.getMessage(), e);
        }
        Map<String, Provenance> run = new LinkedHashMap<>(runProvenance);
        run.putAll(extraRunProvenance());
        ModelProvenance modelProvenance = new ModelProvenance(NetworkModel.class.getName(), OffsetDateTime.now(),
                examples.getProvenance(), provenance, run);
        return new NetworkModel("temper-network", modelProvenance, examples.getFeatureIDMap(),
                examples.getOutputIDInfo(), result.network().toOnnx().toByteArray());
    }

    private static float[] rows(float[] values, int[] indices, int width) {
        float[] out = new float[indices.length * width];
        for (int j = 0; j < indices.length; j++) {
            System.arraycopy(values, indices[j] * width, out, j * width, width);
        }
        return out;
    }

    /**
     * Checks what only the subclass knows (e.g. a teacher's domain) before any conversion or training.
     * @param examples the training data, already checked to be a non-empty label data set of two classes or more
     */
    protected void checkBeforeTraining(Dataset<Label> examples) {
    }

    /**
     * @param data the whole training data, dense, labels as output-domain ids
     * @return the objective of this trainer
     */
    protected abstract Objective objective(DenseDataset data);

    /**
     * @param examples the training data
     * @param dense the same data as dense rows
     * @return [N, K] teacher logits in the data set's example and output-id order, or null without a teacher
     */
    protected float[] teacherLogits(Dataset<Label> examples, DenseDataset dense) {
        return null;
    }

    /** @return entries added to each model's run provenance (e.g. a teacher model's provenance). */
    protected Map<String, Provenance> extraRunProvenance() {
        return Collections.emptyMap();
    }

    @Override
    public synchronized int getInvocationCount() {
        return invocationCount;
    }

    @Override
    public synchronized void setInvocationCount(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("The invocation count must be >= 0, got " + count);
        }
        rng = new SplittableRandom(seed);
        for (invocationCount = 0; invocationCount < count; invocationCount++) {
            rng.split();
        }
    }

    @Override
    public TrainerProvenance getProvenance() {
        return new TrainerProvenanceImpl(this);
    }
}
