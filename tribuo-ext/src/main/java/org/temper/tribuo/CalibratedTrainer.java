package org.temper.tribuo;

import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import org.temper.calibration.recalibration.CalibrationMethod;
import org.tribuo.Dataset;
import org.tribuo.Model;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.dataset.DatasetView;
import org.tribuo.provenance.TrainerProvenance;
import org.tribuo.provenance.impl.TrainerProvenanceImpl;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Trains any classifier and recalibrates it on data it did not learn from, giving a
 * {@link CalibratedModel}. With {@code holdoutFraction} 0 it cross-fits, as scikit-learn's
 * {@code CalibratedClassifierCV(ensemble=True)}: the data is cut into k stratified folds, and for
 * each fold a model is trained on the other k - 1 and calibrated on that fold; predictions are the
 * mean of the k calibrated distributions. With a {@code holdoutFraction} f in (0, 1) it trains one
 * model on the rest and calibrates it on a stratified fraction f.
 *
 * <p>Folds and holdout are drawn from the trainer's seed and invocation count, as Tribuo's
 * trainers do; training call n trains the inner trainer with invocation counts n m to n m + m - 1
 * (m models per call), so {@link #setInvocationCount} reproduces a run.
 */
public final class CalibratedTrainer implements Trainer<Label> {

    @Config(mandatory = true, description = "The trainer of the models to calibrate; its models must generate"
            + " probabilities.")
    private Trainer<Label> innerTrainer;

    @Config(description = "The recalibration method: PLATT, ISOTONIC, HISTOGRAM or TEMPERATURE.")
    private CalibrationMethod method = CalibrationMethod.PLATT;

    @Config(description = "Equal-mass bins of HISTOGRAM (at least 1).")
    private int bins = CalibratedModel.DEFAULT_BINS;

    @Config(description = "Cross-fitting folds k >= 2, used when holdoutFraction is 0.")
    private int folds = 5;

    @Config(description = "0 to cross-fit; else the fraction in (0, 1) of the data held out to calibrate one model.")
    private double holdoutFraction = 0;

    @Config(description = "Seed of the folds or the holdout.")
    private long seed = Trainer.DEFAULT_SEED;

    private SplittableRandom rng;
    private int invocationCount;

    /** For OLCUT. */
    private CalibratedTrainer() {
    }

    private CalibratedTrainer(Trainer<Label> innerTrainer, CalibrationMethod method, int bins, int folds,
                              double holdoutFraction, long seed) {
        this.innerTrainer = innerTrainer;
        this.method = method;
        this.bins = bins;
        this.folds = folds;
        this.holdoutFraction = holdoutFraction;
        this.seed = seed;
        postConfig();
    }

    /**
     * @param innerTrainer trains the models to calibrate
     * @param method the recalibration method ({@link CalibratedModel#DEFAULT_BINS} bins for histogram binning)
     * @param folds k &gt;= 2
     * @param seed seed of the folds
     * @return a trainer that cross-fits k models
     */
    public static CalibratedTrainer crossFitted(Trainer<Label> innerTrainer, CalibrationMethod method, int folds,
                                                long seed) {
        return new CalibratedTrainer(innerTrainer, method, CalibratedModel.DEFAULT_BINS, folds, 0, seed);
    }

    /**
     * @param innerTrainer trains the model to calibrate
     * @param method the recalibration method ({@link CalibratedModel#DEFAULT_BINS} bins for histogram binning)
     * @param fraction the fraction in (0, 1) of the data held out for calibration
     * @param seed seed of the holdout
     * @return a trainer that trains one model and calibrates it on the held-out fraction
     */
    public static CalibratedTrainer heldOut(Trainer<Label> innerTrainer, CalibrationMethod method, double fraction,
                                            long seed) {
        return new CalibratedTrainer(innerTrainer, method, CalibratedModel.DEFAULT_BINS, 0, fraction, seed);
    }

    /** Used by OLCUT after the fields are set; checks them. */
    @Override
    public synchronized void postConfig() {
        if (innerTrainer == null) {
            throw new IllegalArgumentException("CalibratedTrainer needs an inner trainer: the trainer of the models"
                    + " to calibrate");
        }
        if (!(holdoutFraction >= 0 && holdoutFraction < 1)) {
            throw new IllegalArgumentException("holdoutFraction must be in (0, 1) to hold out that fraction, or 0 to"
                    + " cross-fit, got " + holdoutFraction);
        }
        if (holdoutFraction == 0 && folds < 2) {
            throw new IllegalArgumentException("Cross-fitting needs folds >= 2, got " + folds
                    + ": give 2 or more folds, or a holdoutFraction in (0, 1)");
        }
        if (bins < 1) {
            throw new IllegalArgumentException("Histogram binning needs bins >= 1, got " + bins);
        }
        rng = new SplittableRandom(seed);
    }

    @Override
    public CalibratedModel train(Dataset<Label> examples) {
        return train(examples, Collections.emptyMap());
    }

    @Override
    public CalibratedModel train(Dataset<Label> examples, Map<String, Provenance> runProvenance) {
        return train(examples, runProvenance, INCREMENT_INVOCATION_COUNT);
    }

    @Override
    public CalibratedModel train(Dataset<Label> examples, Map<String, Provenance> runProvenance, int invocation) {
        TrainingData.check(examples);
        SplittableRandom local;
        TrainerProvenance provenance;
        int call;
        synchronized (this) {
            if (invocation != INCREMENT_INVOCATION_COUNT) {
                setInvocationCount(invocation);
            }
            local = rng.split();
            provenance = getProvenance();
            call = invocationCount++;
        }
        List<int[]> parts = holdoutFraction > 0 ? StratifiedSplit.holdout(examples, holdoutFraction, local)
                : StratifiedSplit.folds(examples, folds, local);
        for (int f = 0; f < parts.size(); f++) {
            CalibratedModel.checkLabels(method, bins, CalibratedModel.labels(view(examples, parts.get(f), "check"),
                    examples.getOutputIDInfo()), examples.getOutputIDInfo(), f);
        }
        List<Model<Label>> members = new ArrayList<>();
        List<DatasetView<Label>> heldOuts = new ArrayList<>();
        for (int f = 0; f < parts.size(); f++) {
            String tag = "calibration-part-" + f;
            DatasetView<Label> train = view(examples, StratifiedSplit.complement(parts.get(f), examples.size()),
                    tag + "-train");
            members.add(innerTrainer.train(train, Collections.emptyMap(), call * parts.size() + f));
            heldOuts.add(view(examples, parts.get(f), tag + "-held-out"));
        }
        return CalibratedModel.of(members.get(0).getName() + "-calibrated", examples.getProvenance(), provenance,
                runProvenance, examples.getFeatureIDMap(), examples.getOutputIDInfo(), members, heldOuts, method,
                bins);
    }

    private static DatasetView<Label> view(Dataset<Label> examples, int[] indices, String tag) {
        return new DatasetView<>(examples, indices, examples.getFeatureIDMap(), examples.getOutputIDInfo(), tag);
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
        rng = NetworkTrainer.rngAfter(seed, count);
        invocationCount = count;
    }

    @Override
    public TrainerProvenance getProvenance() {
        return new TrainerProvenanceImpl(this);
    }

    @Override
    public String toString() {
        return "CalibratedTrainer(" + method.key() + (holdoutFraction > 0 ? ", holdout " + holdoutFraction
                : ", " + folds + " folds") + ", seed=" + seed + ", " + innerTrainer + ")";
    }
}
