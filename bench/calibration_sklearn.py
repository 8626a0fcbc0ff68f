"""scikit-learn's half of bench/calibration.sh, and the table with the ratios.

Reads the data CalibrationBenchmark wrote (logits-N.f64, labels-N.i32, K = 10) and its CSV of Java
timings, times scikit-learn's and scipy's versions of the methods they have on the same data, in the
same way (median of REPEATS after one untimed warm-up; fit on N, apply to the same N), and prints a
Markdown table: Java seconds, Python seconds, Python / Java.

* isotonic: IsotonicRegression(out_of_bounds='clip') per class on the softmax probability against
  y = k, rows renormalised (CalibratedClassifierCV's one-vs-rest, as Temper's);
* platt: sklearn.calibration._sigmoid_calibration per class on the one-vs-rest log-odds
  z_k - logsumexp_{j != k} z_j (the score Temper's Platt scaling uses), rows renormalised;
* temperature: scipy.optimize.minimize (L-BFGS-B, analytic gradient) of the mean NLL of
  softmax(z / T) over log T.

usage: calibration_sklearn.py FOLDER JAVA_CSV REPEATS
"""
import csv
import statistics
import sys
import time

import numpy as np
import scipy
import sklearn
from scipy.optimize import minimize
from scipy.special import expit, log_softmax, logsumexp, softmax
from sklearn.calibration import _sigmoid_calibration
from sklearn.isotonic import IsotonicRegression

K = 10


def one_vs_rest_log_odds(z):
    s = np.empty_like(z)
    for k in range(z.shape[1]):
        rest = np.delete(z, k, axis=1)
        s[:, k] = z[:, k] - logsumexp(rest, axis=1)
    return s


def renormalise(p):
    total = p.sum(axis=1, keepdims=True)
    zero = total[:, 0] == 0
    p[zero] = 1.0 / p.shape[1]
    total[zero] = 1.0
    return p / total


def isotonic_fit(z, y):
    p = softmax(z, axis=1)
    return [IsotonicRegression(out_of_bounds='clip').fit(p[:, k], y == k) for k in range(K)]


def isotonic_apply(maps, z):
    p = softmax(z, axis=1)
    return renormalise(np.column_stack([maps[k].predict(p[:, k]) for k in range(K)]))


def platt_fit(z, y):
    s = one_vs_rest_log_odds(z)
    return [_sigmoid_calibration(s[:, k], (y == k).astype(float)) for k in range(K)]


def platt_apply(ab, z):
    s = one_vs_rest_log_odds(z)
    return renormalise(np.column_stack([expit(-(ab[k][0] * s[:, k] + ab[k][1])) for k in range(K)]))


def temperature_fit(z, y):
    n = len(y)

    def nll(log_t):
        t = np.exp(log_t[0])
        lp = log_softmax(z / t, axis=1)
        p = np.exp(lp)
        # d NLL / d log T = (1/N) sum_i (z_iy - sum_k p_ik z_ik) / T
        grad = np.sum(z[np.arange(n), y] - np.sum(p * z, axis=1)) / (n * t)
        return -lp[np.arange(n), y].mean(), np.array([grad])

    return float(np.exp(minimize(nll, np.zeros(1), jac=True, method='L-BFGS-B').x[0]))


def temperature_apply(t, z):
    return softmax(z / t, axis=1)


METHODS = {'isotonic': (isotonic_fit, isotonic_apply), 'platt': (platt_fit, platt_apply),
           'temperature': (temperature_fit, temperature_apply)}


def time_method(fit, apply, z, y, repeats):
    apply(fit(z, y), z)
    fits, applies = [], []
    for _ in range(repeats):
        start = time.perf_counter()
        fitted = fit(z, y)
        fits.append(time.perf_counter() - start)
        start = time.perf_counter()
        apply(fitted, z)
        applies.append(time.perf_counter() - start)
    return statistics.median(fits), statistics.median(applies)


def main(folder, java_csv, repeats):
    with open(java_csv) as f:
        java = list(csv.DictReader(f))
    print(f'scikit-learn {sklearn.__version__}, scipy {scipy.__version__}, numpy {np.__version__}; '
          f'K = {K}; median of {repeats} after a warm-up\n')
    print('| method | N | Java fit s | Python fit s | Python / Java | Java apply s | Python apply s | Python / Java |')
    print('|---|---|---|---|---|---|---|---|')
    loaded = {}
    for row in java:
        n = int(row['n'])
        if n not in loaded:
            z = np.fromfile(f'{folder}/logits-{n}.f64', dtype='<f8').reshape(n, K)
            y = np.fromfile(f'{folder}/labels-{n}.i32', dtype='<i4')
            loaded[n] = (z, y)
        jf, ja = float(row['fit_s']), float(row['apply_s'])
        if row['method'] in METHODS:
            pf, pa = time_method(*METHODS[row['method']], *loaded[n], repeats)
            print(f"| {row['method']} | {n:,} | {jf:.4f} | {pf:.4f} | {pf / jf:.2f} | {ja:.4f} | {pa:.4f} | "
                  f"{pa / ja:.2f} |")
        else:
            print(f"| {row['method']} | {n:,} | {jf:.4f} | - | - | {ja:.4f} | - | - |")


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]))
