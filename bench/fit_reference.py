"""Reference for bench/fit.bench.ts: Hoffmann et al.'s Approach-3 fit with scipy.

Minimises sum_i Huber_delta(LSE(a - alpha*log N_i, b - beta*log D_i, e) - log L_i) (Hoffmann et
al. 2022, Sec. 3.3 and Appendix D.2; a sum, not a mean, per Besiroglu et al. 2024) with
scipy.optimize.minimize(method="L-BFGS-B") and its default tolerances, from every point of the
grid alpha, beta in {0, 0.5, ..., 2}, e in {-1, -0.5, ..., 1}, a, b in {0, 5, ..., 25}, and keeps
the best optimum. The gradient is analytic, as in the TypeScript fitter.

Usage: python3 fit_reference.py RUNS.csv [--every K]
  --every K  fit only every K-th start of the grid (for a quick, extrapolated timing).
Prints one JSON object: seconds (wall clock), cpu_seconds, starts, objective, theta (a, b, e,
alpha, beta), evaluations.
"""

import argparse
import csv
import itertools
import json
import time

import numpy as np
from scipy.optimize import minimize

DELTA = 1e-3
ALPHA_BETA = np.arange(0, 2.01, 0.5)
E_GRID = np.arange(-1, 1.01, 0.5)
A_B = np.arange(0, 26, 5)


def read_runs(path):
    with open(path, newline="") as handle:
        rows = list(csv.DictReader(handle))
    columns = [np.array([float(row[name]) for row in rows]) for name in ("params", "tokens", "loss")]
    return tuple(np.log(column) for column in columns)


def make_objective(log_n, log_d, log_l):
    def objective(theta):
        a, b, e, alpha, beta = theta
        params_term = a - alpha * log_n
        tokens_term = b - beta * log_d
        largest = np.maximum(np.maximum(params_term, tokens_term), e)
        params_share = np.exp(params_term - largest)
        tokens_share = np.exp(tokens_term - largest)
        floor_share = np.exp(e - largest)
        total = params_share + tokens_share + floor_share
        residual = largest + np.log(total) - log_l
        size = np.abs(residual)
        value = np.sum(np.where(size <= DELTA, 0.5 * residual**2, DELTA * (size - 0.5 * DELTA)))
        scale = np.clip(residual, -DELTA, DELTA) / total
        gradient = np.array([
            np.sum(scale * params_share),
            np.sum(scale * tokens_share),
            np.sum(scale * floor_share),
            -np.sum(scale * params_share * log_n),
            -np.sum(scale * tokens_share * log_d),
        ])
        return value, gradient

    return objective


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("csv")
    parser.add_argument("--every", type=int, default=1)
    arguments = parser.parse_args()
    objective = make_objective(*read_runs(arguments.csv))
    # Same order as the TypeScript grid: alpha, beta, e, a, b (b varies fastest).
    grid = list(itertools.product(ALPHA_BETA, ALPHA_BETA, E_GRID, A_B, A_B))[:: arguments.every]
    started = time.perf_counter()
    cpu_started = time.process_time()
    best = None
    evaluations = 0
    for alpha, beta, e, a, b in grid:
        result = minimize(objective, np.array([a, b, e, alpha, beta]), jac=True, method="L-BFGS-B")
        evaluations += result.nfev
        if best is None or result.fun < best.fun:
            best = result
    seconds = time.perf_counter() - started
    cpu_seconds = time.process_time() - cpu_started
    print(json.dumps({
        "seconds": seconds,
        "cpu_seconds": cpu_seconds,
        "starts": len(grid),
        "objective": float(best.fun),
        "theta": [float(value) for value in best.x],
        "evaluations": int(evaluations),
    }))


if __name__ == "__main__":
    main()
