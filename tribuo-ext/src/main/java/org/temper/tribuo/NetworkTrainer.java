package org.temper.tribuo;

import ai.onnxruntime.OrtException;
import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import org.temper.onnx.data.DenseDataset;
import org.temper.onnx.fit.FitResult;
import org.temper.onnx.recipe.Recipe;
import org.temper.onnx.recipe.Training;
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
 * to dense rows once, mapping the {@link NetworkSettings} and the subclass's objective onto the
 * engine's one {@link Recipe}, running it with {@link Training}, and recording provenance. Each
 * training call draws its own seed from the trainer's seed and invocation count, as Tribuo's
 * trainers do, so a run is reproduced by {@code setInvocationCount}.
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
        this.settings = settings.copy();
        this.seed = seed;
    }

    /** Used by OLCUT after the fields are set; checks the settings. */
    @Override
    public synchronized void postConfig() {
        recipe(seed);
        rng = new SplittableRandom(seed);
    }

    /**
     * @param runSeed the seed of one training run
     * @return the recipe of a run: the settings, this trainer's objective and the seed
     * @throws IllegalArgumentException naming a setting that is wrong
     */
    protected final Recipe recipe(long runSeed) {
        return objective(settings.recipe()).seed(runSeed).build();
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
        DenseDataset all = DenseExamples.of(examples);
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
        Recipe recipe = recipe(runSeed);
        float[] teacher = teacherLogits(examples, all, recipe);
        TrainingLog log = new TrainingLog(getClass().getSimpleName());
        FitResult result;
        try {
            result = new Training(recipe, List.of(log)).run(all, teacher);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed while training: " + e.getMessage(), e);
        }
        log.finished(result);
        Map<String, Provenance> run = new LinkedHashMap<>(runProvenance);
        run.putAll(extraRunProvenance());
        ModelProvenance modelProvenance = new ModelProvenance(NetworkModel.class.getName(), OffsetDateTime.now(),
                examples.getProvenance(), provenance, run);
        return new NetworkModel("temper-network", modelProvenance, examples.getFeatureIDMap(),
                examples.getOutputIDInfo(), result.network().toOnnx().toByteArray());
    }

    /**
     * Checks what only the subclass knows (e.g. a teacher's domain) before any conversion or training.
     * @param examples the training data, already checked to be a non-empty label data set of two classes or more
     */
    protected void checkBeforeTraining(Dataset<Label> examples) {
    }

    /**
     * @param recipe the network and optimisation settings as a recipe
     * @return the same builder with this trainer's objective set
     */
    protected abstract Recipe.Builder objective(Recipe.Builder recipe);

    /**
     * @param examples the training data
     * @param dense the same data as dense rows
     * @param recipe the run's recipe (where a teacher runs)
     * @return [N, K] teacher logits in the data set's example and output-id order, or null without a teacher
     */
    protected float[] teacherLogits(Dataset<Label> examples, DenseDataset dense, Recipe recipe) {
        return null;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(seed=" + seed + ", " + recipe(seed) + ")";
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
        rng = rngAfter(seed, count);
        invocationCount = count;
    }

    /**
     * @param seed a trainer's seed
     * @param count how many training calls it has made
     * @return its random source after that many calls, each of which split it once
     */
    static SplittableRandom rngAfter(long seed, int count) {
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = 0; i < count; i++) {
            rng.split();
        }
        return rng;
    }

    @Override
    public TrainerProvenance getProvenance() {
        return new TrainerProvenanceImpl(this);
    }
}
