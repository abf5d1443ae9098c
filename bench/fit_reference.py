"""Reference for the Approach-3 fit (Hoffmann et al. 2022, Sec. 3.3 and Appendix D.2) with scipy.

Minimises sum_i w_i * Huber_delta(LSE(a - alpha*log N_i, b - beta*log D_i, e) - log L_i), a sum, not
a mean (Besiroglu et al. 2024), with w_i the times run i was drawn (1 without resampling), using
scipy.optimize.minimize(method="L-BFGS-B") and an analytic gradient, as the TypeScript fitter does.
"Tight" tolerances are those of the reference bootstrap of issue 12: ftol 1e-15, gtol 1e-12.

Usage:
  python3 fit_reference.py grid RUNS.csv [--every K] [--tight]
      The grid fit: every K-th start of the grid alpha, beta in {0, 0.5, ..., 2},
      e in {-1, -0.5, ..., 1}, a, b in {0, 5, ..., 25} (4,500 starts; scipy's default tolerances
      unless --tight). Prints {seconds, cpu_seconds, starts, objective, theta, evaluations}.
  python3 fit_reference.py resamples < INPUT.json
      INPUT is {"runs": [[N, D, L], ...], "repeats": [[w_1, ..., w_n], ...], "command": ...}.
      Fits the full data, then each resample with tight tolerances from the full-data optimum
      and from every EVERY_FOR_RESAMPLES-th grid start (polished tightly), and keeps the best.
      Prints INPUT with "full" and "optima" (theta a, b, e, alpha, beta and objective) added.
  python3 fit_reference.py bootstrap < INPUT.json
      As resamples, but each resample starts only from the full-data optimum (the reference
      bootstrap of issue 12); adds "seconds".
theta is (a, b, e, alpha, beta) with A = exp(a), B = exp(b), E = exp(e).
"""

import argparse
import itertools
import json
import sys
import time

import numpy as np
from scipy.optimize import minimize

DELTA = 1e-3
ALPHA_BETA = np.arange(0, 2.01, 0.5)
E_GRID = np.arange(-1, 1.01, 0.5)
A_B = np.arange(0, 26, 5)
# Same order as the TypeScript grid: alpha, beta, e, a, b (b varies fastest).
GRID = [np.array([a, b, e, alpha, beta]) for alpha, beta, e, a, b in itertools.product(ALPHA_BETA, ALPHA_BETA, E_GRID, A_B, A_B)]
TIGHT = {"ftol": 1e-15, "gtol": 1e-12, "maxiter": 15000, "maxfun": 15000}
# Grid starts tried per resample besides the full-data optimum: every 45th, 100 of 4,500.
EVERY_FOR_RESAMPLES = 45


def read_csv(path):
    import csv

    with open(path, newline="") as handle:
        rows = list(csv.DictReader(handle))
    return [[float(row[name]) for name in ("params", "tokens", "loss")] for row in rows]


def make_objective(runs, weights=None):
    log_n, log_d, log_l = (np.log(np.array([run[k] for run in runs])) for k in range(3))
    weights = np.ones(len(runs)) if weights is None else np.asarray(weights, dtype=float)

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
        value = np.sum(weights * np.where(size <= DELTA, 0.5 * residual**2, DELTA * (size - 0.5 * DELTA)))
        scale = weights * np.clip(residual, -DELTA, DELTA) / total
        gradient = np.array([
            np.sum(scale * params_share),
            np.sum(scale * tokens_share),
            np.sum(scale * floor_share),
            -np.sum(scale * params_share * log_n),
            -np.sum(scale * tokens_share * log_d),
        ])
        return value, gradient

    return objective


def fit(objective, start, tight):
    return minimize(objective, start, jac=True, method="L-BFGS-B", options=TIGHT if tight else {})


def best_of(objective, starts, tight):
    best = None
    for start in starts:
        result = fit(objective, start, tight)
        if best is None or result.fun < best.fun:
            best = result
    return best


def as_optimum(result):
    return [float(value) for value in result.x] + [float(result.fun)]


def run_grid(arguments):
    objective = make_objective(read_csv(arguments.csv))
    starts = GRID[:: arguments.every]
    started = time.perf_counter()
    cpu_started = time.process_time()
    best = None
    evaluations = 0
    for start in starts:
        result = fit(objective, start, arguments.tight)
        evaluations += result.nfev
        if best is None or result.fun < best.fun:
            best = result
    print(json.dumps({
        "seconds": time.perf_counter() - started,
        "cpu_seconds": time.process_time() - cpu_started,
        "starts": len(starts),
        "objective": float(best.fun),
        "theta": [float(value) for value in best.x],
        "evaluations": int(evaluations),
    }))


def full_optimum(runs):
    objective = make_objective(runs)
    # The full data's optimum from the whole grid at default tolerances, polished tightly.
    return fit(objective, best_of(objective, GRID[::EVERY_FOR_RESAMPLES], False).x, True)


def run_resamples(data, grid_too):
    runs = data["runs"]
    full = full_optimum(runs)
    started = time.perf_counter()
    optima = []
    for repeats in data["repeats"]:
        objective = make_objective(runs, repeats)
        best = fit(objective, full.x, True)
        if grid_too:
            polished = fit(objective, best_of(objective, GRID[::EVERY_FOR_RESAMPLES], False).x, True)
            if polished.fun < best.fun:
                best = polished
        optima.append(as_optimum(best))
    print(json.dumps({**data, "full": as_optimum(full), "optima": optima, "seconds": time.perf_counter() - started}))


def main():
    parser = argparse.ArgumentParser()
    modes = parser.add_subparsers(dest="mode", required=True)
    grid = modes.add_parser("grid")
    grid.add_argument("csv")
    grid.add_argument("--every", type=int, default=1)
    grid.add_argument("--tight", action="store_true")
    modes.add_parser("resamples")
    modes.add_parser("bootstrap")
    arguments = parser.parse_args()
    if arguments.mode == "grid":
        run_grid(arguments)
    else:
        run_resamples(json.load(sys.stdin), grid_too=arguments.mode == "resamples")


if __name__ == "__main__":
    main()
