package org.temper.examples.reproduce;

import org.temper.onnx.objective.Distillation.SoftTerm;
import org.temper.onnx.recipe.Recipe;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Issue 11's third experiment (Mueller et al. 2019, section 4, as the replication swept it): teachers
 * 784-1200-1200-K ({@link ReplicationRecipe}) trained with label smoothing or dropout, students
 * 784-800-800-K distilled from each at each temperature with soft weight b = 0.6, and one student
 * without a teacher. Teachers train first; each stores its logits of the training part, which its
 * students read back from the {@link TrialStore}, so a rerun never trains a stored teacher again.
 * Students see the training images with the student shift (the replication's 2 pixels by default)
 * while the teacher's logits are those of the unshifted image, fixed per example for the whole training
 * (the engine's fit loop shifts the features and indexes the teacher's rows by example).
 *
 * @param grid the teachers and temperatures
 * @param softTerm the distillation's soft term
 * @param studentShift random shifts of the students' images, in pixels
 * @param epochs epochs of every trial
 * @param device the device
 */
record DistillationExperiment(DistillationGrid grid, SoftTerm softTerm, int studentShift, int epochs,
                              String device) {

    /** The experiment's name in experiment.json and on the command line. */
    static final String NAME = "distillation";

    /** The weight b of the soft term (the replication's and Hinton et al.'s choice). */
    static final double SOFT_WEIGHT = 0.6;

    /**
     * @param data the images
     * @param scale examples and epochs
     * @param seeds seeds 1..seeds
     * @return the experiment these settings describe: every trial's key, and the teachers' and the
     *         students' shared settings (prefixed "teacher." and "student.")
     */
    Experiment experiment(ExperimentData data, Scale scale, int seeds) {
        List<String> configurations = new ArrayList<>();
        grid.teachers().forEach(t -> configurations.add("teacher-" + t.key()));
        configurations.add(studentKey(StudentTrial.ALONE, null));
        grid.teachers().forEach(t -> grid.temperatures().forEach(x -> configurations.add(studentKey(t.key(), x))));
        Map<String, String> recipe = new LinkedHashMap<>();
        Experiment.shared(teacher(grid.teachers().get(0), 1), "objective", "alpha", "smoothing", "dropout")
                .forEach((k, v) -> recipe.put("teacher." + k, v));
        Experiment.shared(student(1.0, 1).settings(), "temperature")
                .forEach((k, v) -> recipe.put("student." + k, v));
        return new Experiment(NAME, data.name(), data.classes(), scale, seeds, configurations, recipe);
    }

    private Map<String, String> teacher(TeacherSpec spec, long seed) {
        return spec.recipe(ReplicationRecipe.mlp(ReplicationRecipe.HIDDEN, epochs, device, seed)).settings();
    }

    /**
     * @param temperature T, or null for the student without a teacher (hard targets)
     * @param seed the seed
     * @return the student's recipe: the replication's recipe on 800-800 with the student shift
     */
    Recipe student(Double temperature, long seed) {
        Recipe.Builder b = ReplicationRecipe.mlp(ReplicationRecipe.STUDENT_HIDDEN, epochs, device, seed)
                .augmentShift(studentShift);
        return (temperature == null ? b.objective(Recipe.ObjectiveKind.HARD_TARGETS)
                : b.objective(Recipe.ObjectiveKind.DISTILLATION).temperature(temperature).softWeight(SOFT_WEIGHT)
                .softTerm(softTerm)).build();
    }

    /**
     * The trials, in this order: every teacher and seed and the students without a teacher (stage 0),
     * then every teacher's students by temperature and seed (stage 1: they read their stored teachers);
     * each read back, or trained by {@link TrialLoop#run} and stored.
     * @param experiment what to run
     * @param store the experiment's folder
     * @param runner the data's trial runner
     * @return the plan
     */
    TrialLoop<DistillationTrial> plan(Experiment experiment, TrialStore<DistillationTrial> store,
                                      TrialRunner runner) {
        ExperimentData data = runner.data();
        double teacherCost = ReplicationRecipe.parameters(data.train().exampleSize(), ReplicationRecipe.HIDDEN,
                data.classes());
        double studentCost = ReplicationRecipe.parameters(data.train().exampleSize(),
                ReplicationRecipe.STUDENT_HIDDEN, data.classes());
        List<TrialLoop.Planned<DistillationTrial>> plan = new ArrayList<>();
        for (TeacherSpec spec : grid.teachers()) {
            for (long seed = 1; seed <= experiment.seeds(); seed++) {
                long s = seed;
                Recipe recipe = spec.recipe(ReplicationRecipe.mlp(ReplicationRecipe.HIDDEN, epochs, device, s));
                plan.add(new TrialLoop.Planned<>(teacherKey(spec.key(), s), "teacher " + spec.label() + " seed " + s,
                        teacherCost, 0, listeners -> {
                            TrialRunner.Trained trained = runner.train(recipe, null, listeners);
                            float[] logits = TrialRunner.logits(trained.fit(), recipe, data.train());
                            return TeacherTrial.of(spec, s, trained, logits,
                                    TrialRunner.predictions(logits, data.train()), grid.temperatures());
                        }));
            }
        }
        for (long seed = 1; seed <= experiment.seeds(); seed++) {
            long s = seed;
            Recipe recipe = student(null, s);
            plan.add(new TrialLoop.Planned<>(studentKey(StudentTrial.ALONE, null) + "-seed-" + s,
                    "student without a teacher seed " + s, studentCost, 0,
                    listeners -> StudentTrial.of(StudentTrial.ALONE, null, s, runner.train(recipe, null, listeners))));
        }
        for (TeacherSpec spec : grid.teachers()) {
            for (double temperature : grid.temperatures()) {
                for (long seed = 1; seed <= experiment.seeds(); seed++) {
                    long s = seed;
                    Recipe recipe = student(temperature, s);
                    plan.add(new TrialLoop.Planned<>(studentKey(spec.key(), temperature) + "-seed-" + s,
                            String.format(Locale.ROOT, "student of %s at T %s seed %d", spec.label(),
                                    Cells.number(temperature, 0), s), studentCost, 1,
                            listeners -> StudentTrial.of(spec.key(), temperature, s, runner.train(recipe,
                                    teacherLogits(store, spec.key(), s, data), listeners))));
                }
            }
        }
        return new TrialLoop<>(store, device, plan, DistillationTrial::summary);
    }

    /**
     * @param store the experiment's folder
     * @param teacher the teacher's key
     * @param seed its seed
     * @param data the images
     * @return the stored teacher's logits of the training part
     * @throws java.io.IOException when the teacher is missing or its logits are not of this training part
     */
    private static float[] teacherLogits(TrialStore<DistillationTrial> store, String teacher, long seed,
                                         ExperimentData data) throws java.io.IOException {
        String key = teacherKey(teacher, seed);
        if (!(store.find(key).orElse(null) instanceof TeacherTrial t)) {
            throw new java.io.IOException("teacher " + key + " is not stored in " + store.folder().resolve("trials"));
        }
        if (t.trainLogits().labels().length != data.train().size()) {
            throw new java.io.IOException("teacher " + key + " holds logits of " + t.trainLogits().labels().length
                    + " training images, not of this run's " + data.train().size());
        }
        return t.trainLogits().floats();
    }

    private static String teacherKey(String teacher, long seed) {
        return "teacher-" + teacher + "-seed-" + seed;
    }

    private static String studentKey(String teacher, Double temperature) {
        return temperature == null ? "student-alone" : "student-of-" + teacher + "-T-" + temperature;
    }
}
