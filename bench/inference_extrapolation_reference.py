"""Reference for test/language/output/inferenceAwareExtrapolation.test.ts.

Besiroglu et al. 2024's refit (Eq. 4, Table 1): L = E + A/N^alpha + B/D^beta. For each question the
model reaching the target loss with the fewest lifetime FLOPs 6*N*D + 2*N*D_inference (Sardana et al.
2023, Sec. 2) is found by minimising over log N with scipy, D following from the loss; a budget's
target is the loss of its compute-optimal model (Hoffmann et al. 2022, Eq. 4). Printed beside the
runs the refit was fitted on (the 240 runs of Hoffmann et al. 2022's Fig. 4 that Epoch fit: N 57.3M-16.2B, D 819M-318B,
C 1.4e18-1.3e22 FLOP, D/N 0.456-341; bench/epoch_data_range.py).

Usage: python3 bench/inference_extrapolation_reference.py
"""

import numpy as np
from scipy.optimize import minimize_scalar

E, A, B = np.exp(0.5971119597824348), np.exp(6.177955975826981), np.exp(7.6427323622433505)
ALPHA, BETA = 0.34781302903942635, 0.3658541172951044


def loss(n, d):
    return E + A / n**ALPHA + B / d**BETA


def budget_loss(compute):
    g = (ALPHA * A / (BETA * B)) ** (1 / (ALPHA + BETA))
    n = g * (compute / 6) ** (BETA / (ALPHA + BETA))
    return loss(n, compute / (6 * n))


def inference_aware(target, served):
    def tokens_for(n):
        return (B / (target - E - A / n**ALPHA)) ** (1 / BETA)

    def lifetime(log_n):
        n = np.exp(log_n)
        return 6 * n * tokens_for(n) + 2 * n * served

    smallest = (A / (target - E)) ** (1 / ALPHA)
    best = minimize_scalar(lifetime, bounds=(np.log(smallest * 1.0001), np.log(smallest * 1e6)), method="bounded", options={"xatol": 1e-12})
    n = np.exp(best.x)
    return n, tokens_for(n)


for label, target, served in [
    ("compute=1e21 serve=1B", budget_loss(1e21), 1e9),
    ("compute=1e21 serve=3e13", budget_loss(1e21), 3e13),
    ("loss=1.83 serve=1T", 1.83, 1e12),
]:
    n, d = inference_aware(target, served)
    print("%-24s N = %.4g, D = %.4g, C = %.4g, D/N = %.4g" % (label, n, d, 6 * n * d, d / n))
