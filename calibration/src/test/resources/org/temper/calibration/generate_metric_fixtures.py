"""Writes metric_fixture.csv and metric_reference.csv for MetricReferenceTest.

Run from this folder with Debian's python3-numpy and python3-scipy:  /usr/bin/python3 generate_metric_fixtures.py

Seeded (numpy default_rng(2023)), so rerunning rewrites the same files. metric_fixture.csv holds
400 examples of 4 classes (logits, label), over-confident on purpose. metric_reference.csv holds
the top-label KS calibration error as Gupta et al. 2021's code computes it (cumulative sums of
sorted confidences and correctness), and the smooth ECE and its kernel width as relplot's
smECE_fast computes them (relplot 0.x: metrics.py and kernels.py, ReflectedGaussianKernel,
smECE_mesh_pts = 200), transcribed below with scipy.signal.convolve doing the convolution.
"""
import numpy as np
import scipy.signal
from scipy.special import softmax

rng = np.random.default_rng(2023)
N, K = 400, 4
labels = rng.integers(0, K, N)
logits = rng.normal(0, 1, (N, K))
logits[np.arange(N), labels] += 1.5
logits *= 2.5  # over-confident
p = softmax(logits, axis=1)
conf = p.max(axis=1)
correct = (p.argmax(axis=1) == labels) * 1.0

# Gupta et al. 2021, top-label KS
order = conf.argsort()
ks = np.max(np.abs(np.cumsum(conf[order]) / N - np.cumsum(correct[order]) / N))


# relplot smECE_fast, default settings
def smooth_round_to_grid(f, y, eval_points):
    values = np.zeros(eval_points)
    bins = (f * (eval_points - 1)).astype(int).clip(0, eval_points - 2)
    frac = f * (eval_points - 1) - bins
    np.add.at(values, bins, (1 - frac) * y)
    np.add.at(values, bins + 1, frac * y)
    return values


def smooth_ece_interpolated(r, sigma):
    m = len(r)
    t = np.linspace(0, 1, m)
    ker = np.exp(-(t - 0.5) * (t - 0.5) / (2 * sigma ** 2)) / (np.sqrt(2 * np.pi) * sigma)
    ext = np.concatenate([np.flip(r)[:-1], r, np.flip(r)[1:]])
    rs = scipy.signal.convolve(ext, ker, "valid")[m // 2: m // 2 + m]
    return np.sum(np.abs(rs)) / m


def sm_ece(f, y, eps=0.001):
    state = {"m": 200}
    state["r"] = smooth_round_to_grid(f, f - y, state["m"]) / len(f)

    def check(alpha):
        recalc = False
        while round(20 / alpha) > state["m"]:
            recalc = True
            state["m"] *= 4
        if recalc:
            state["r"] = smooth_round_to_grid(f, f - y, state["m"]) / len(f)
        return alpha < eps or alpha < smooth_ece_interpolated(state["r"], alpha)

    if check(1):
        sigma = 1
    else:
        start, end = 1, 0
        for _ in range(10):
            mid = (start + end) / 2
            if check(mid):
                end = mid
            else:
                start = mid
        sigma = start
    return smooth_ece_interpolated(state["r"], sigma), sigma


smece, sigma = sm_ece(conf, correct)
np.savetxt("metric_fixture.csv", np.column_stack([logits, labels]), delimiter=",",
           header="z0,z1,z2,z3,label", comments="", fmt="%.17g")
with open("metric_reference.csv", "w") as out:
    out.write("metric,value\n")
    out.write("ks_calibration_error,%.17g\n" % ks)
    out.write("smooth_ece,%.17g\n" % smece)
    out.write("smooth_ece_width,%.17g\n" % sigma)
print("KS", ks, "smECE", smece, "sigma", sigma)
