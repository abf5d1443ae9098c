"""Reference for the Sardana et al. 2023 Fig. 1 test in test/core/inference/inferenceAwareOptimum.test.ts.

Sardana et al.'s constants: the Chinchilla form L = E + A/N^alpha + B/D^beta with E = 1.69, A = 406.4,
B = 410.7 (Hoffmann et al. 2022, Eq. 10) and alpha = 0.336, beta = 0.283 (Sardana et al. 2023, Sec. 2).
The compute-optimal 13B model (closed form, Hoffmann et al. Eq. 4) sets the loss; the model that reaches
it with the fewest lifetime FLOPs 6*N*D + 2*N*D_inference for D_inference = 2T is found by minimising
over log N with scipy, D following from the loss.

Usage: python3 bench/sardana_reference.py
"""

import numpy as np
from scipy.optimize import minimize_scalar

E, A, B, ALPHA, BETA = 1.69, 406.4, 410.7, 0.336, 0.283
SERVED = 2e12


def loss(n, d):
    return E + A / n**ALPHA + B / d**BETA


G = (ALPHA * A / (BETA * B)) ** (1 / (ALPHA + BETA))
a, b = BETA / (ALPHA + BETA), ALPHA / (ALPHA + BETA)
# Compute for which 13B is optimal: 13e9 = G (C/6)^a.
c13 = 6 * (13e9 / G) ** (1 / a)
d13 = (c13 / 6) ** b / G
target = loss(13e9, d13)


def tokens_for(n):
    return (B / (target - E - A / n**ALPHA)) ** (1 / BETA)


def lifetime(log_n):
    n = np.exp(log_n)
    return 6 * n * tokens_for(n) + 2 * n * SERVED


smallest = (A / (target - E)) ** (1 / ALPHA)
best = minimize_scalar(lifetime, bounds=(np.log(smallest * 1.0001), np.log(13e9)), method="bounded", options={"xatol": 1e-12})
n = np.exp(best.x)
chinchilla = 6 * 13e9 * d13 + 2 * 13e9 * SERVED
print("N = %.4e, saving = %.4f, saved FLOP = %.4e" % (n, 1 - best.fun / chinchilla, chinchilla - best.fun))
