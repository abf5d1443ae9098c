"""Reference numbers for test/core/laws/kaplanFrontier.test.ts, computed independently of the TypeScript.

Kaplan et al. 2020 as published: C_min = C/2 (training at the critical batch size, Sec. 6.3, Eq. 6.7);
N_opt = 1.3e9 * C_min^0.73 and D_opt = 2e10 * C_min^0.27 (Table 6, C_min in PF-days = 8.64e19 FLOP);
L(C_min) = (3.1e8 / C_min)^0.050 (Eq. 1.3); the excess compute of a model N/N_eff times the efficient
size, x * [1 + (a_S/a_N)(1 - x^-a_N)]^(-1/a_S) with a_N = 0.077, a_S = 0.76 (App. B.4; Table 3).
A run of N parameters and training compute C is placed on the frontier by solving
C_front(N_eff) * excess(N/N_eff) = C_min for N_eff with scipy's brentq.

Usage: python3 bench/kaplan_reference.py   (prints one line per case)
"""

import numpy as np
from scipy.optimize import brentq

PF_DAY = 8.64e19
A_N, A_S = 0.077, 0.76
N_E, P_N = 1.3e9, 0.73
D_E, P_D = 2e10, 0.27
A_C, C_C = 0.050, 3.1e8


def excess(x):
    return x * (1 + A_S / A_N * (1 - x ** -A_N)) ** (-1 / A_S)


def frontier(compute):
    c_min = compute / 2 / PF_DAY
    return N_E * c_min ** P_N, D_E * c_min ** P_D, (C_C / c_min) ** A_C


def run(params, tokens):
    c_min = 6 * params * tokens / 2 / PF_DAY
    smallest = (1 + A_N / A_S) ** (-1 / A_N)
    needed = lambda log_eff: np.log(((np.exp(log_eff) / N_E) ** (1 / P_N)) * excess(params / np.exp(log_eff))) - np.log(c_min)
    log_eff = brentq(needed, np.log(params) - 60, np.log(params / smallest) - 1e-12, xtol=1e-14)
    efficient = np.exp(log_eff)
    efficiency = 1 / excess(params / efficient)
    return efficient, efficiency, (C_C / (c_min * efficiency)) ** A_C


if __name__ == "__main__":
    print("excess(0.6) = %.6f, excess(2.2) = %.6f" % (excess(0.6), excess(2.2)))
    print("frontier at 1e21 FLOP: N = %.6e" % frontier(1e21)[0])
    print("frontier at 3.14e23 FLOP (GPT-3): N = %.6e, D = %.6e, L = %.6f" % frontier(3.14e23))
    for name, params, tokens in [("GPT-3", 175e9, 300e9), ("Gopher", 280e9, 300e9), ("Chinchilla", 70e9, 1.4e12)]:
        efficient, efficiency, loss = run(params, tokens)
        print("%s: N_eff = %.6e, efficiency = %.6f, loss = %.6f" % (name, efficient, efficiency, loss))
