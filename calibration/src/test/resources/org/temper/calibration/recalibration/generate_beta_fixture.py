"""Writes the scikit-learn fixture of BetaCalibrationTest (scikit-learn 1.2.1).

Run from this folder with Debian's python3-sklearn:  /usr/bin/python3 generate_beta_fixture.py

Seeded (numpy default_rng(17)), so rerunning rewrites the same files. Two binary problems of
300 held-out scores s = p_1 with labels (beta_<case>_fit.csv): case 0 "monotone", whose fit has
a, b > 0, and case 1 "refit", drawn from a decreasing map in ln s so that the first fit gives a < 0 and betacal's
rule refits on -ln(1 - s) alone. beta_parameters.csv holds (a, b, c) of
p = sigmoid(a ln s - b ln(1 - s) + c) as betacal computes them, with its LogisticRegression
(C=99999999999) replaced by an unpenalised one solved to a tight tolerance, and
beta_apply.csv the calibrated probabilities of a grid of scores (0 and 1 included, clipped).
"""
import numpy as np
from scipy.special import expit
from sklearn.linear_model import LogisticRegression

rng = np.random.default_rng(17)
EPS = np.finfo(float).eps


def features(s):
    s = np.clip(s, EPS, 1 - EPS)
    return np.column_stack([np.log(s), -np.log(1 - s)])


def lr(x, y):
    m = LogisticRegression(penalty=None, tol=1e-12, max_iter=100000).fit(x, y)
    return m.coef_[0], m.intercept_[0]


def betacal(s, y):
    x = features(s)
    coef, c = lr(x, y)
    if coef[0] < 0:
        coef, c = lr(x[:, 1:], y)
        return 0.0, coef[0], c
    if coef[1] < 0:
        coef, c = lr(x[:, :1], y)
        return coef[0], 0.0, c
    return coef[0], coef[1], c


cases = {
    "monotone": (rng.beta(2, 2, 300).round(3), (1.6, 0.7, 0.3)),
    "refit": (rng.beta(2, 2, 300).round(3), (-0.8, 1.5, 0.5)),
}
grid = np.array([0, 0.001, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99, 0.999, 1])
with open("beta_parameters.csv", "w") as par, open("beta_apply.csv", "w") as app:
    par.write("case,a,b,c\n")
    app.write("case,s,p\n")
    for case, (name, (s, (a, b, c))) in enumerate(cases.items()):
        x = features(s)
        y = (rng.random(len(s)) < expit(a * x[:, 0] + b * x[:, 1] + c)).astype(int)
        np.savetxt("beta_%s_fit.csv" % name, np.column_stack([s, y]), delimiter=",", header="s,y",
                   comments="", fmt=["%.3f", "%d"])
        fa, fb, fc = betacal(s, y)
        par.write("%d,%.17g,%.17g,%.17g\n" % (case, fa, fb, fc))
        g = features(grid)
        for si, pi in zip(grid, expit(fa * g[:, 0] + fb * g[:, 1] + fc)):
            app.write("%d,%.17g,%.17g\n" % (case, si, pi))
        print(name, fa, fb, fc)
