package org.temper.calibration.recalibration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.temper.calibration.CalibrationReport;
import org.temper.calibration.CalibrationSettings;
import org.temper.calibration.Metric;
import org.temper.calibration.Predictions;
import org.temper.calibration.recalibration.ScikitLearnFixtureTest.Table;
import org.temper.calibration.temperature.TemperatureScaling;

/**
 * Vector and matrix scaling, Dirichlet calibration, ensemble temperature scaling and beta
 * calibration: gradients against finite differences, known answers, limits, the NLL on the
 * fitting data, beta against scikit-learn, and the errors.
 */
class ParametricCalibratorsTest {

    /** Over-confident logits of K classes: 3 (N(0, 1) + 1.5 on the label). */
    private static Predictions overconfident(int n, int k, long seed) {
        Random random = new Random(seed);
        double[] z = new double[n * k];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = random.nextInt(k);
            for (int j = 0; j < k; j++) {
                z[i * k + j] = 3 * (random.nextGaussian() + (j == y[i] ? 1.5 : 0));
            }
        }
        return Predictions.fromLogits(z, y, k);
    }

    private static double nll(Predictions p) {
        return CalibrationReport.of(p, CalibrationSettings.defaults().withMetrics(Metric.NLL)).value(Metric.NLL);
    }

    /** Central differences of an objective, step h, against its gradient. */
    private static void assertGradient(Lbfgs.Objective f, double[] at, double tolerance) {
        double[] g = new double[at.length];
        f.evaluate(at, g);
        double[] scratch = new double[at.length];
        for (int j = 0; j < at.length; j++) {
            double h = 1e-5;
            double[] plus = at.clone();
            double[] minus = at.clone();
            plus[j] += h;
            minus[j] -= h;
            double numeric = (f.evaluate(plus, scratch) - f.evaluate(minus, scratch)) / (2 * h);
            assertEquals(numeric, g[j], tolerance, "component " + j);
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void softmaxRegressionGradientMatchesFiniteDifferences(boolean diagonal) {
        Predictions p = overconfident(50, 3, 1);
        int n = SoftmaxRegression.parameters(3, diagonal);
        Random random = new Random(2);
        double[] weights = new double[n];
        double[] centre = new double[n];
        double[] at = new double[n];
        for (int j = 0; j < n; j++) {
            weights[j] = random.nextDouble();
            centre[j] = random.nextGaussian();
            at[j] = 0.3 * random.nextGaussian();
        }
        SoftmaxRegression f = new SoftmaxRegression(LogScores.logitsOrLogProbabilities(p), LogScores.labels(p), 3,
                diagonal, weights, centre);
        assertGradient(f, at, 1e-7);
    }

    @Test
    void betaLossGradientMatchesFiniteDifferences() {
        Random random = new Random(3);
        double[] f1 = new double[40];
        double[] f2 = new double[40];
        boolean[] positive = new boolean[40];
        for (int i = 0; i < 40; i++) {
            double s = random.nextDouble();
            f1[i] = Math.log(s);
            f2[i] = -Math.log1p(-s);
            positive[i] = random.nextBoolean();
        }
        assertGradient(new BetaCalibration.Loss(f1, f2, positive, true, true), new double[] {.7, 1.3, -.2}, 1e-8);
    }

    @Test
    void etsGradientMatchesFiniteDifferences() {
        Predictions p = overconfident(60, 4, 4);
        double[][] c = EnsembleTemperatureScaling.components(p, 2.5);
        double[] w = {.5, .3, .2};
        double[] g = EnsembleTemperatureScaling.gradient(c, w);
        for (int j = 0; j < 3; j++) {
            double[] plus = w.clone();
            double[] minus = w.clone();
            plus[j] += 1e-6;
            minus[j] -= 1e-6;
            double numeric = (EnsembleTemperatureScaling.nll(c, plus) - EnsembleTemperatureScaling.nll(c, minus)) / 2e-6;
            assertEquals(numeric, g[j], 1e-7);
        }
    }

    @Test
    void vectorScalingRecoversTheMapThatGeneratedTheLabels() {
        // z ~ N(0, 2^2) per class; labels drawn from softmax(w * z + b) with w = (.5, 1.5, 1) and
        // b = (.3, -.2, -.1) (mean 0, as the fit reports it). With 20000 examples the
        // maximum-likelihood estimate lies within a few hundredths of them.
        double[] w = {.5, 1.5, 1};
        double[] b = {.3, -.2, -.1};
        Random random = new Random(5);
        int n = 20000;
        double[] z = new double[3 * n];
        int[] y = new int[n];
        double[] u = new double[3];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < 3; k++) {
                z[3 * i + k] = 2 * random.nextGaussian();
                u[k] = w[k] * z[3 * i + k] + b[k];
            }
            SoftmaxRegression.softmaxInPlace(u);
            double r = random.nextDouble();
            y[i] = r < u[0] ? 0 : r < u[0] + u[1] ? 1 : 2;
        }
        CalibrationMap map = VectorScaling.create().fit(Predictions.fromLogits(z, y, 3));
        List<Double> fw = map.parameters().get("w");
        List<Double> fb = map.parameters().get("b");
        for (int k = 0; k < 3; k++) {
            assertEquals(w[k], fw.get(k), 0.05, "w " + k);
            assertEquals(b[k], fb.get(k), 0.05, "b " + k);
        }
        assertEquals(0, fb.get(0) + fb.get(1) + fb.get(2), 1e-12);
    }

    @Test
    void vectorScalingOfTwoClassesWithEqualSlopesIsPlattOnTheLogOdds() {
        // K = 2: w * z + b changes the log-odds z_1 - z_0 to w_1 z_1 - w_0 z_0 + b_1 - b_0. With
        // z_0 = 0 it is Platt's a s + b without smoothed targets: the maximum-likelihood sigmoid.
        // On two score values s = -1 (3 of 4 labelled 0) and s = 1 (3 of 4 labelled 1) the
        // maximum-likelihood sigmoid passes through 1/4 and 3/4: a = ln 3, b = 0.
        double[] z = new double[16];
        int[] y = {0, 0, 0, 1, 1, 1, 1, 0};
        for (int i = 0; i < 8; i++) {
            z[2 * i + 1] = i < 4 ? -1 : 1;
        }
        CalibrationMap map = VectorScaling.create().fit(Predictions.fromLogits(z, y, 2));
        double[] p = map.calibrateLogits(new double[] {0, -1, 0, 1});
        assertEquals(.25, p[1], 1e-8);
        assertEquals(.75, p[3], 1e-8);
        assertEquals(Math.log(3), map.parameters().get("w").get(1), 1e-8);
    }

    @Test
    void matrixScalingWithAHugePenaltyIsTheIdentity() {
        // W - I and b are about the NLL's gradient / (2 lambda), some 1e-7 here
        Predictions p = overconfident(300, 4, 6);
        CalibrationMap map = MatrixScaling.withPenalty(1e6).fit(p);
        double[] row = new double[4];
        double[] out = map.probabilities(p);
        for (int i = 0; i < p.size(); i++) {
            p.probabilities(i, row);
            for (int k = 0; k < 4; k++) {
                assertEquals(row[k], out[4 * i + k], 1e-6);
            }
        }
    }

    @Test
    void dirichletWithHugeRegularisersIsDiagonalWithoutIntercepts() {
        // ODIR leaves the diagonal free: W_jk (j != k) and b go to 0, W_kk stays fitted.
        Predictions p = overconfident(300, 3, 7);
        CalibrationMap map = DirichletCalibration.odir(1e6, 1e6).fit(p);
        List<Double> w = map.parameters().get("W");
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                if (r != c) {
                    assertEquals(0, w.get(3 * r + c), 1e-6);
                }
            }
            assertEquals(0, map.parameters().get("b").get(r), 1e-6);
            // over-confident: the powers of p_k fall below 1
            assertTrue(w.get(4 * r) < 0.9, "W_kk " + w.get(4 * r));
        }
    }

    @Test
    void dirichletFittedOnLogitsOrOnTheirProbabilitiesIsOneMap() {
        Predictions logits = overconfident(200, 3, 8);
        double[] probabilities = new double[600];
        double[] row = new double[3];
        int[] y = new int[200];
        for (int i = 0; i < 200; i++) {
            logits.probabilities(i, row);
            System.arraycopy(row, 0, probabilities, 3 * i, 3);
            y[i] = logits.label(i);
        }
        Predictions given = Predictions.fromProbabilities(probabilities, y, 3);
        DirichletCalibration method = DirichletCalibration.odir(1e-3, 1e-3);
        CalibrationMap a = method.fit(logits);
        CalibrationMap b = method.fit(given);
        assertArrayEquals(a.probabilities(logits), b.probabilities(given), 1e-7);
        assertArrayEquals(a.probabilities(given), a.probabilities(logits), 1e-12);
    }

    @ParameterizedTest
    @ValueSource(strings = {"vector", "matrix", "dirichlet", "ets", "beta"})
    void theFitNeverRaisesTheNllOnItsFittingData(String method) {
        Predictions p = overconfident(400, method.equals("beta") ? 2 : 4, 9);
        Calibrator calibrator = switch (method) {
            case "vector" -> VectorScaling.create();
            case "matrix" -> MatrixScaling.withPenalty(1e-3);
            case "dirichlet" -> DirichletCalibration.odir(1e-3, 1e-3);
            case "ets" -> EnsembleTemperatureScaling.create();
            default -> BetaCalibration.binary();
        };
        CalibrationMap map = calibrator.fit(p);
        double before = nll(p);
        double after = nll(map.apply(p));
        assertTrue(after < before, method + ": NLL " + before + " -> " + after);
        for (double v : map.probabilities(p)) {
            assertTrue(v >= 0 && v <= 1);
        }
    }

    @Test
    void etsWeightsLieOnTheSimplexAndBeatTemperatureScaling() {
        Predictions p = overconfident(500, 5, 10);
        CalibrationMap map = EnsembleTemperatureScaling.create().fit(p);
        List<Double> w = map.parameters().get("w");
        assertEquals(1, w.get(0) + w.get(1) + w.get(2), 1e-12);
        for (double v : w) {
            assertTrue(v >= 0, "weight " + v);
        }
        double t = TemperatureScaling.byNll().fit(p, CalibrationSettings.defaults()).temperature();
        assertEquals(t, map.parameters().get("T").get(0), 1e-12);
        assertTrue(nll(map.apply(p)) <= nll(p.withTemperature(t)) + 1e-12);
        // and no other point of the simplex does better than the gap
        double[][] c = EnsembleTemperatureScaling.components(p, t);
        double best = EnsembleTemperatureScaling.nll(c, new double[] {w.get(0), w.get(1), w.get(2)});
        Random random = new Random(11);
        for (int trial = 0; trial < 200; trial++) {
            double a = random.nextDouble();
            double b = random.nextDouble() * (1 - a);
            assertTrue(best <= EnsembleTemperatureScaling.nll(c, new double[] {a, b, 1 - a - b}) + 1e-12);
        }
    }

    @Test
    void etsWeightsOfHandWorkedComponents() {
        // One example whose components give the true class .9, .6, .5: -ln(w . c) is least at
        // the vertex w = (1, 0, 0).
        assertArrayEquals(new double[] {1, 0, 0},
                EnsembleTemperatureScaling.weights(new double[][] {{.9, .6, .5}}), 1e-9);
        // Two examples, c = (.9, .3, .5) and (.1, .3, .5): with w_2 = 0 and w_1 = a the NLL is
        // -(1/2) ln((.5 + .4a)(.5 - .4a)) = -(1/2) ln(.25 - .16 a^2), least at a = 0; w_2 only
        // mixes in .3 < .5: the uniform vertex (0, 0, 1), NLL ln 2.
        double[][] c = {{.9, .3, .5}, {.1, .3, .5}};
        double[] w = EnsembleTemperatureScaling.weights(c);
        assertEquals(Math.log(2), EnsembleTemperatureScaling.nll(c, w), 1e-15);
        assertArrayEquals(new double[] {0, 0, 1}, w, 1e-9);
    }

    @Test
    void betaCalibrationOnTwoScoreValuesPassesThroughTheirFrequencies() {
        // s = .2 four times (one positive) and s = .6 four times (three positive): the loss sees
        // only the two values of u, so any minimiser gives sigmoid(u) = 1/4 at .2 and 3/4 at .6
        // (the refit on one feature, if the signs call for it, fits two points exactly as well).
        double[] s = {.2, .2, .2, .2, .6, .6, .6, .6};
        int[] y = {1, 0, 0, 0, 1, 1, 1, 0};
        CalibrationMap map = BetaCalibration.binary().fit(Predictions.binary(s, y));
        double[] p = map.calibrateProbabilities(new double[] {.8, .2, .4, .6});
        assertEquals(.25, p[1], 1e-8);
        assertEquals(.75, p[3], 1e-8);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1})
    void betaCalibrationMatchesScikitLearnsLogisticRegression(int problem) {
        // Fixture: /usr/bin/python3 generate_beta_fixture.py in
        // src/test/resources/org/temper/calibration/recalibration (scikit-learn 1.2.1,
        // LogisticRegression(penalty=None, tol=1e-12) on betacal's features; case 1 needs the
        // refit on -ln(1 - s) alone).
        Table fit = Table.read("beta_" + (problem == 0 ? "monotone" : "refit") + "_fit.csv");
        double[] s = fit.rows().stream().mapToDouble(r -> r[0]).toArray();
        int[] y = fit.rows().stream().mapToInt(r -> (int) r[1]).toArray();
        CalibrationMap map = BetaCalibration.binary().fit(Predictions.binary(s, y));
        double[] expected = Table.read("beta_parameters.csv").rows().get(problem);
        double parameters = 0;
        for (int j = 0; j < 3; j++) {
            String name = "class 1 " + "abc".charAt(j);
            parameters = Math.max(parameters, Math.abs(expected[j + 1] - map.parameters().get(name).get(0)));
        }
        double probabilities = 0;
        for (double[] row : Table.read("beta_apply.csv").rows()) {
            if ((int) row[0] == problem) {
                double[] p = map.calibrateProbabilities(new double[] {1 - row[1], row[1]});
                probabilities = Math.max(probabilities, Math.abs(row[2] - p[1]));
            }
        }
        System.out.printf("beta case %d: largest difference from scikit-learn %.3g in (a, b, c), %.3g in p%n",
                problem, parameters, probabilities);
        // scikit-learn's lbfgs stops on its own scale (here at a mean gradient of 7e-8 in case 1,
        // 3e-6 from the minimum that scipy's BFGS and this fit agree on to 1e-8), so: 1e-5
        assertTrue(parameters <= 1e-5, "(a, b, c) differ from scikit-learn by " + parameters);
        assertTrue(probabilities <= 1e-5, "probabilities differ from scikit-learn by " + probabilities);
        if (problem == 1) {
            assertEquals(0, map.parameters().get("class 1 a").get(0));
        }
    }

    @Test
    void clearErrors() {
        Predictions three = overconfident(30, 3, 12);
        IllegalArgumentException beta = assertThrows(IllegalArgumentException.class,
                () -> BetaCalibration.binary().fit(three));
        assertEquals("beta calibration is for two classes, but the held-out predictions have 3: use "
                + "BetaCalibration.oneVsRest()", beta.getMessage());
        Predictions noClassTwo = Predictions.fromLogits(new double[] {1, 0, 0, 0, 1, 0}, new int[] {0, 1}, 3);
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> VectorScaling.create().fit(noClassTwo));
        assertTrue(missing.getMessage().startsWith("vector scaling needs held-out examples of every class, but "
                + "class 2 of 3 never occurs among the 2"), missing.getMessage());
        CalibrationMap onLogits = VectorScaling.create().fit(three);
        Predictions probabilities = Predictions.fromProbabilities(new double[] {.5, .25, .25}, new int[] {0}, 3);
        IllegalArgumentException kind = assertThrows(IllegalArgumentException.class,
                () -> onLogits.probabilities(probabilities));
        assertTrue(kind.getMessage().startsWith("vector scaling was fitted on logits but is given probabilities"),
                kind.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MatrixScaling.withPenalty(-1));
        // separable scores have no finite minimum: the gradient still vanishes at large
        // parameters, and the map is a near step, as betacal's
        Predictions separable = Predictions.binary(new double[] {.1, .2, .8, .9}, new int[] {0, 0, 1, 1});
        double[] step = BetaCalibration.binary().fit(separable).calibrateProbabilities(new double[] {.9, .1, .1, .9});
        assertTrue(step[1] < 1e-6 && step[3] > 1 - 1e-6, step[1] + " " + step[3]);
    }

    /** The label checks that wrappers make before training: the very error fit gives, or none where fit gets past them. */
    @ParameterizedTest
    @EnumSource(CalibrationMethod.class)
    void checkLabelsRefusesWhatFitRefusesWithTheSameMessage(CalibrationMethod method) {
        Calibrator calibrator = method.calibrator(5);
        double[] logits = {2, 0, 0, 0, 2, 0, 1, 0, 0, 0, 1, 0};
        for (int[] labels : new int[][] {{1, 1, 1, 1}, {0, 1, 0, 1}, {0, 1, 2, 1}}) {
            Predictions heldOut = Predictions.fromLogits(logits, labels, 3);
            String check = message(() -> calibrator.checkLabels(labels, 3));
            String fit = message(() -> calibrator.fit(heldOut));
            assertTrue(check == null || check.equals(fit), method + ": " + check + " vs " + fit);
            boolean refused = labels[0] == labels[1] || labels.length < 5 && method == CalibrationMethod.HISTOGRAM
                    || labels[2] == 0 && (method == CalibrationMethod.VECTOR || method == CalibrationMethod.DIRICHLET);
            assertEquals(refused, check != null, method + " on " + java.util.Arrays.toString(labels) + ": " + check);
        }
        Predictions three = overconfident(30, 3, 12);
        assertEquals(message(() -> PlattScaling.binary().fit(three)),
                message(() -> PlattScaling.binary().checkLabels(new int[] {0, 1}, 3)));
        assertEquals(message(() -> BetaCalibration.binary().fit(three)),
                message(() -> BetaCalibration.binary().checkLabels(new int[] {0, 1}, 3)));
    }

    private static String message(Runnable run) {
        try {
            run.run();
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    @Test
    void anIterationLimitIsReportedNotReturned() {
        // Rosenbrock's valley from (-1.2, 1): three iterations leave it far from its minimum at (1, 1)
        Lbfgs.Objective rosenbrock = (x, g) -> {
            g[0] = -2 * (1 - x[0]) - 400 * x[0] * (x[1] - x[0] * x[0]);
            g[1] = 200 * (x[1] - x[0] * x[0]);
            return (1 - x[0]) * (1 - x[0]) + 100 * (x[1] - x[0] * x[0]) * (x[1] - x[0] * x[0]);
        };
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Lbfgs.minimise("a test fit",
                rosenbrock, new double[] {-1.2, 1}, new double[] {1e-9, 1e-9}, 3));
        assertTrue(e.getMessage().startsWith("a test fit did not converge in 3 iterations: the largest gradient"
                + " component is still "), e.getMessage());
    }
}
