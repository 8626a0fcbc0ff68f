"""Writes the scikit-learn fixtures of IsotonicTest and PlattTest (scikit-learn 1.2.1).

Run from this folder with Debian's python3-sklearn:  /usr/bin/python3 generate_fixtures.py

Seeded (numpy default_rng(12)), so rerunning rewrites the same files. Each problem has a fit
set (<problem>_fit.csv) and an apply set (<problem>_apply.csv) with scikit-learn's calibrated
probabilities; platt_parameters.csv has the fitted sigmoids as p = sigmoid(a s + b), that is
a = -A and b = -B of scikit-learn's _sigmoid_calibration. Isotonic is fitted on probabilities
rounded to two decimals (so that ties occur), Platt on the log-odds of the logits.
"""
import numpy as np
from scipy.special import expit, logsumexp, softmax
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.calibration import CalibratedClassifierCV, _sigmoid_calibration
from sklearn.isotonic import IsotonicRegression

rng = np.random.default_rng(12)


class GivenProbabilities(ClassifierMixin, BaseEstimator):
    """A 'prefit' model whose predict_proba is its input."""

    def __init__(self, k):
        self.k = k
        self.classes_ = np.arange(k)

    def fit(self, X, y):
        return self

    def predict_proba(self, X):
        return np.asarray(X)


class GivenScores(GivenProbabilities):
    """A 'prefit' model whose decision_function is its input (one column when binary)."""

    def decision_function(self, X):
        X = np.asarray(X)
        return X[:, 0] if self.k == 2 else X


def rounded_probabilities(z):
    p = softmax(z, axis=1)
    q = np.round(p[:, :-1], 2)
    for i in range(len(q)):
        for k in range(1, q.shape[1]):
            q[i, k] = min(q[i, k], 1.0 - q[i, :k].sum())
    return np.column_stack([q, 1.0 - q.sum(axis=1)])


def one_vs_rest_log_odds(z):
    k = z.shape[1]
    return np.column_stack([z[:, j] - logsumexp(np.delete(z, j, axis=1), axis=1) for j in range(k)])


def problem(k, n, m):
    """Logits of k classes, labels drawn from softmax(0.6 z + shift): miscalibrated on purpose."""
    def draw(count, spread):
        z = spread * rng.normal(size=(count, k))
        truth = softmax(0.6 * z + np.linspace(0, 0.5, k), axis=1)
        y = np.array([rng.choice(k, p=row) for row in truth])
        return z, y
    z_fit, y_fit = draw(n, 2.0)
    z_apply, _ = draw(m, 3.0)
    return z_fit, y_fit, z_apply


def fmt(x):
    return repr(float(x))


def write(name, header, columns):
    with open(name, "w") as f:
        f.write(",".join(header) + "\n")
        for row in zip(*columns):
            f.write(",".join(fmt(v) for v in row) + "\n")


parameters = []
for name, k, n, m in [("binary", 2, 400, 120), ("three", 3, 600, 150)]:
    z_fit, y_fit, z_apply = problem(k, n, m)
    p_fit, p_apply = rounded_probabilities(z_fit), rounded_probabilities(z_apply)
    # probabilities beyond the held-out range, to test clipping
    p_apply[:2] = np.eye(k)[[0, k - 1]]
    s_fit, s_apply = one_vs_rest_log_odds(z_fit), one_vs_rest_log_odds(z_apply)
    fitted = range(1, 2) if k == 2 else range(k)
    isotonic = CalibratedClassifierCV(GivenProbabilities(k), method="isotonic", cv="prefit")
    isotonic.fit(p_fit, y_fit)
    iso = isotonic.predict_proba(p_apply)
    scores_fit = s_fit[:, 1:] if k == 2 else s_fit
    scores_apply = s_apply[:, 1:] if k == 2 else s_apply
    sigmoid = CalibratedClassifierCV(GivenScores(k), method="sigmoid", cv="prefit")
    sigmoid.fit(scores_fit, y_fit)
    platt = sigmoid.predict_proba(scores_apply)
    for j, c in zip(fitted, sigmoid.calibrated_classifiers_[0].calibrators):
        A, B = _sigmoid_calibration(s_fit[:, j], y_fit == j)
        assert np.isclose(A, c.a_) and np.isclose(B, c.b_)
        parameters.append((name, j, -A, -B))
    for j, c in zip(fitted, isotonic.calibrated_classifiers_[0].calibrators):
        direct = IsotonicRegression(out_of_bounds="clip").fit(p_fit[:, j], y_fit == j)
        assert np.allclose(direct.predict(p_apply[:, j]), c.predict(p_apply[:, j]))
    if k == 2:
        assert np.allclose(platt[:, 1], expit(parameters[-1][2] * s_apply[:, 1] + parameters[-1][3]))
    zs = [f"z{j}" for j in range(k)]
    ps = [f"p{j}" for j in range(k)]
    write(f"{name}_fit.csv", zs + ps + ["label"], [*z_fit.T, *p_fit.T, y_fit])
    write(f"{name}_apply.csv", zs + ps + [f"isotonic_p{j}" for j in range(k)] + [f"platt_p{j}" for j in range(k)],
          [*z_apply.T, *p_apply.T, *iso.T, *platt.T])

with open("platt_parameters.csv", "w") as f:
    f.write("problem,class,a,b\n")
    for name, j, a, b in parameters:
        f.write(f"{name},{j},{fmt(a)},{fmt(b)}\n")
