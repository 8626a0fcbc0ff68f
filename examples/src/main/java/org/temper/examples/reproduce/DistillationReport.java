package org.temper.examples.reproduce;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The distillation experiment's results as a {@link Report}: the teachers (accuracy, ECE, smoothness
 * index), the students per teacher and temperature beside the student without a teacher, the teachers
 * ranked by accuracy beside their best students, the published MNIST numbers beside ours (as context
 * for other data), the settings and every trial.
 *
 * @param experiment the experiment's identity
 * @param run where and how it ran
 * @param setup the grid, the soft term and the student shift
 * @param results the summaries
 * @param trials every trial
 * @param figures figure name to its PNG file, relative to the report
 */
record DistillationReport(Experiment experiment, RunInfo run, DistillationExperiment setup,
                          DistillationResults results, List<DistillationTrial> trials, Map<String, String> figures) {

    /** @return the report */
    Report report() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("published", Map.of("data", "MNIST", "errorPercent", PublishedDistillation.ROWS));
        json.put("teachers", results.teachers());
        json.put("studentsWithoutTeacher", results.alone());
        json.put("students", results.students());
        json.put("bestStudents", results.best());
        json.put("rankCorrelation", results.rankCorrelation());
        json.put("teacherTrials", trials.stream().filter(TeacherTrial.class::isInstance).toList());
        json.put("studentTrials", trials.stream().filter(StudentTrial.class::isInstance).toList());
        return new Report(title(), experiment, run, notes(), tables(), figures, json);
    }

    private boolean mnist() {
        return KnownData.of(experiment.data()).orElse(null) == KnownData.MNIST;
    }

    private String dataName() {
        return KnownData.titleOf(experiment.data());
    }

    private String title() {
        return "Distillation from label-smoothed teachers: " + dataName() + " ("
                + (experiment.scale().full() ? "full" : "quick") + ")";
    }

    private List<String> notes() {
        Scale s = experiment.scale();
        int k = experiment.classes();
        List<String> notes = new ArrayList<>();
        notes.add(String.format(Locale.ROOT, "Teachers: the replication's MLP 784-1200-1200-%d trained with label"
                + " smoothing alpha in %s (0 = hard targets) or with hard targets and dropout %s. Students: 784-800-800-%d"
                + " with the same recipe and no dropout, distilled from every teacher at T in %s with b = %.1f, and one"
                + " student trained alone with hard targets. %,d training images, %d epochs, seeds 1 to %d; figures of"
                + " %s test images%s.", k, setup.grid().teachers().stream().filter(t -> t.dropout() == 0)
                        .map(t -> Cells.number(t.alpha(), 2)).toList(),
                setup.grid().teachers().stream().filter(t -> t.dropout() > 0).map(t -> Cells.number(t.dropout(), 1))
                        .toList(), k, setup.grid().temperatures(), DistillationExperiment.SOFT_WEIGHT,
                s.trainExamples(), s.epochs(), experiment.seeds(), s.testExamples() == 0 ? "all the"
                        : String.format(Locale.ROOT, "%,d", s.testExamples()),
                experiment.seeds() > 1 ? " (mean ± standard deviation over seeds)" : ""));
        notes.add("Loss of a student: L = (1 - b) CE(y, softmax(z)) + b S with " + softTerm() + ".");
        notes.add("Each teacher's logits of the training images are computed once, after its training, on the"
                + " unshifted images, and stored in its trial file; its students read them from there (a rerun never"
                + " trains a stored teacher again). " + (setup.studentShift() == 0
                ? "Students train without random shifts (as Hinton et al.'s students, without dropout or"
                + " augmentation), so each image is paired with its own teacher output."
                : String.format(Locale.ROOT, "Students train with the replication's random shifts of up to %d pixels"
                + " while the teacher's logits stay those of the unshifted image: the engine pairs example i with"
                + " teacher row i whatever its shift, so the soft target is the teacher's view of the centred image"
                + " (a teacher trained with the same shifts; --student-shift 0 trains the students without).",
                setup.studentShift())));
        notes.add("Smoothness index gamma (Mueller et al.) = mean over the training images of sum_k (1 - y_k) p_k K / (K -"
                + " 1), p = softmax(t / T) of the teacher's logits t: 0 for one-hot outputs, alpha for a label-smoothed"
                + " target, 1 for uniform outputs. The figures and the ranking use gamma at T = 1 (the teacher as"
                + " trained, Mueller et al.'s measure of how much it erases); the teacher table also gives gamma at each"
                + " student temperature, the soft targets the students actually see.");
        notes.add("A teacher's best students are those at the temperature with the highest mean test accuracy: T is"
                + " chosen on the test set, as a sweep reports it, which flatters every teacher alike.");
        notes.add(verdict());
        if (!experiment.scale().full() || s.trainExamples() < Scale.FULL.trainExamples()) {
            notes.add("This is a shortened run (the papers train 100 epochs on all training images): its numbers are"
                    + " not expected to match the published ones, only to show their direction, if it holds here.");
        }
        if (!mnist()) {
            notes.add("The published distillation numbers are of MNIST; they are shown as context only: our " + dataName()
                    + " numbers beside them are not comparable (no difference is given).");
        }
        return notes;
    }

    private String softTerm() {
        return switch (setup.softTerm()) {
            case SOFT_CROSS_ENTROPY -> "Hinton et al.'s soft term S = T^2 CE(softmax(t/T), softmax(z/T)) (cross-entropy,"
                    + " not KL: they differ by the teacher's entropy, a constant in z; gradient b T (softmax(z/T) -"
                    + " softmax(t/T)))";
            case MSE_LOGITS -> "the soft term of the replication's text, S = (1/2K) sum_k (z_k - t_k)^2 between student"
                    + " and teacher logits (T plays no part, so only T = 1 is run)";
            case MSE_SOFTENED_PROBABILITIES -> "the soft term of the replication's code, S = (1/2K) sum_k (z_k -"
                    + " softmax(t/T)_k)^2: the student's logits regressed onto the teacher's softened probabilities";
        };
    }

    private String verdict() {
        double rho = results.rankCorrelation();
        TeacherSummary top = results.teachers().stream().max(Comparator.comparingDouble(t -> t.accuracy().mean()))
                .orElseThrow();
        StudentSummary bestStudent = results.best().stream()
                .max(Comparator.comparingDouble(s -> s.accuracy().mean())).orElseThrow();
        TeacherSummary ofBest = teacher(bestStudent.teacher());
        double alone = results.alone().accuracy().mean();
        long below = results.best().stream().filter(b -> b.accuracy().mean() < alone).count();
        String sign = Double.isNaN(rho) ? "undefined" : rho < 0 ? "negative: here the better teacher distils worse"
                : rho > 0 ? "positive: here the better teacher distils better" : "zero";
        return String.format(Locale.ROOT, "Does the better teacher distil worse? The most accurate teacher (%s, %.2f%%)"
                + " gives students of %.2f%% at best; the best students (%.2f%%, T = %s) learn from %s (teacher %.2f%%)."
                + " Spearman's rank correlation between teacher accuracy and best-student accuracy over the %d teachers:"
                + " %s (%s; with so few teachers and seeds only a clear sign says anything). The student without a"
                + " teacher reaches %.2f%%; %d of the %d teachers' best students are below it.", top.label(),
                100 * top.accuracy().mean(), 100 * results.bestOf(top.teacher()).accuracy().mean(),
                100 * bestStudent.accuracy().mean(), Cells.number(bestStudent.temperature(), 0), ofBest.label(),
                100 * ofBest.accuracy().mean(), results.teachers().size(), Cells.number(rho, 2), sign, 100 * alone,
                below, results.best().size());
    }

    private TeacherSummary teacher(String key) {
        return results.teachers().stream().filter(t -> t.teacher().equals(key)).findFirst().orElseThrow();
    }

    private List<Table> tables() {
        return List.of(teacherTable(), studentTable(), rankingTable(), publishedTable(), settings(), trialTable());
    }

    private Table teacherTable() {
        List<String> header = new ArrayList<>(List.of("teacher", "accuracy %", "ECE", "NLL", "gamma (T = 1)"));
        List<Double> others = setup.grid().temperatures().stream().filter(x -> x != 1).toList();
        others.forEach(x -> header.add("gamma (T = " + Cells.number(x, 0) + ")"));
        List<List<String>> rows = new ArrayList<>();
        for (TeacherSummary t : results.teachers()) {
            List<String> row = new ArrayList<>(List.of(t.label(), cells().percent(t.accuracy()),
                    cells().stat(t.ece(), 4), cells().stat(t.nll(), 4), cells().stat(t.gamma(), 4)));
            t.smoothness().stream().filter(g -> g.temperature() != 1).forEach(g -> row.add(Cells.number(g.gamma(), 4)));
            rows.add(row);
        }
        return new Table("Teachers (784-1200-1200-" + experiment.classes() + "): test figures, gamma on the training"
                + " images", header, rows);
    }

    private Table studentTable() {
        List<String> header = new ArrayList<>(List.of("teacher"));
        setup.grid().temperatures().forEach(x -> header.add("T = " + Cells.number(x, 0)));
        header.addAll(List.of("best T", "best accuracy %", "best - no teacher (points)"));
        List<List<String>> rows = new ArrayList<>();
        List<String> alone = new ArrayList<>(List.of("none (hard targets alone)"));
        setup.grid().temperatures().forEach(x -> alone.add(""));
        alone.addAll(List.of("", cells().percent(results.alone().accuracy()), ""));
        rows.add(alone);
        for (TeacherSummary t : results.teachers()) {
            List<String> row = new ArrayList<>(List.of(t.label()));
            setup.grid().temperatures().forEach(x -> row.add(cells().percent(results.student(t.teacher(), x)
                    .accuracy())));
            StudentSummary best = results.bestOf(t.teacher());
            row.addAll(List.of(Cells.number(best.temperature(), 0), cells().percent(best.accuracy()),
                    overAlone(best)));
            rows.add(row);
        }
        return new Table("Students (784-800-800-" + experiment.classes() + "): test accuracy % by teacher and T", header,
                rows);
    }

    private String overAlone(StudentSummary s) {
        return Cells.difference(100 * s.accuracy().mean(), 100 * results.alone().accuracy().mean(), 2);
    }

    private Table rankingTable() {
        List<TeacherSummary> ranked = results.teachers().stream()
                .sorted(Comparator.comparingDouble((TeacherSummary t) -> t.accuracy().mean()).reversed()).toList();
        List<StudentSummary> bestRanked = results.best().stream()
                .sorted(Comparator.comparingDouble((StudentSummary s) -> s.accuracy().mean()).reversed()).toList();
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < ranked.size(); i++) {
            TeacherSummary t = ranked.get(i);
            StudentSummary best = results.bestOf(t.teacher());
            rows.add(List.of(Integer.toString(i + 1), t.label(), cells().percent(t.accuracy()),
                    cells().stat(t.gamma(), 4), cells().percent(best.accuracy()), Cells.number(best.temperature(), 0),
                    overAlone(best), Integer.toString(bestRanked.indexOf(best) + 1)));
        }
        return new Table("Does the better teacher distil worse? Teachers from most to least accurate",
                List.of("teacher's rank", "teacher", "teacher accuracy %", "gamma (T = 1)", "best student accuracy %",
                        "at T", "student - no teacher (points)", "student's rank"), rows);
    }

    private Table publishedTable() {
        TeacherSpec dropout = setup.grid().teachers().stream().filter(t -> t.dropout() > 0).findFirst().orElse(null);
        TeacherSpec smoothed = setup.grid().teachers().stream().filter(t -> t.alpha() > 0)
                .min(Comparator.comparingDouble(TeacherSpec::alpha)).orElse(null);
        List<String[]> ours = new ArrayList<>();
        ours.add(teacherError(dropout));
        ours.add(teacherError(smoothed));
        ours.add(studentError(dropout));
        ours.add(studentError(smoothed));
        ours.add(new String[] {error(results.alone().accuracy().mean()), "student without a teacher"});
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < PublishedDistillation.ROWS.size(); i++) {
            PublishedDistillation.Row p = PublishedDistillation.ROWS.get(i);
            String[] o = ours.get(i);
            Double replication = p.replication();
            rows.add(List.of(p.what(), Cells.number(p.paper(), 2), Cells.number(replication, 2), o[0], o[1],
                    mnist() && !o[0].isEmpty() ? Cells.difference(Double.parseDouble(o[0]), replication != null
                            ? replication : p.paper(), 2) : ""));
        }
        String title = mnist() ? "Published MNIST distillation (test error %) beside ours"
                : "Published MNIST distillation (test error %), as context only: ours are of " + dataName()
                + ", not comparable";
        return new Table(title, List.of("network", "Mueller et al. 2019 error %", "replication error %", "ours error %",
                "ours: which", "ours - replication (Hinton et al. for the last row)"), rows);
    }

    private String[] teacherError(TeacherSpec spec) {
        return spec == null ? new String[] {"", "not in this grid"}
                : new String[] {error(teacher(spec.key()).accuracy().mean()), "teacher " + spec.label()};
    }

    private String[] studentError(TeacherSpec spec) {
        if (spec == null) {
            return new String[] {"", "not in this grid"};
        }
        StudentSummary best = results.bestOf(spec.key());
        return new String[] {error(best.accuracy().mean()), "student of " + spec.label() + " at its best T = "
                + Cells.number(best.temperature(), 0)};
    }

    private static String error(double accuracy) {
        return Cells.number(100 * (1 - accuracy), 2);
    }

    private Table settings() {
        Map<String, String> varied = new LinkedHashMap<>();
        varied.put("teachers", String.join(", ", setup.grid().teachers().stream().map(TeacherSpec::label).toList()));
        varied.put("temperatures", setup.grid().temperatures().toString());
        varied.put("soft weight b", Cells.number(DistillationExperiment.SOFT_WEIGHT, 1));
        varied.put("soft term", setup.softTerm().name().toLowerCase(Locale.ROOT));
        return Table.settings(experiment, run, varied);
    }

    private Table trialTable() {
        List<List<String>> rows = new ArrayList<>();
        for (DistillationTrial t : trials) {
            if (t instanceof TeacherTrial teacher) {
                rows.add(List.of("teacher", teacher.teacher(), "", Long.toString(t.seed()),
                        Cells.number(100 * t.test().accuracy(), 2), Cells.number(t.test().ece(), 4),
                        Cells.number(teacher.gamma(1), 4), Cells.number(t.seconds(), 0)));
            } else if (t instanceof StudentTrial student) {
                rows.add(List.of("student", student.teacher(), Cells.number(student.temperature(), 0),
                        Long.toString(t.seed()), Cells.number(100 * t.test().accuracy(), 2),
                        Cells.number(t.test().ece(), 4), "", Cells.number(t.seconds(), 0)));
            }
        }
        return new Table("Trials", List.of("role", "teacher", "T", "seed", "accuracy %", "ECE", "gamma (T = 1)",
                "seconds"), rows);
    }

    private Cells cells() {
        return new Cells(experiment.seeds());
    }
}
