"""Generates the synthetic sweeps of examples/isoflop-sweep.scaling and examples/training-curves.scaling.

Both are drawn from Epoch AI's refit of Chinchilla (Besiroglu et al. 2024, Eq. 4 and Table 1):
L(N, D) = E + A/N^alpha + B/D^beta, whose compute-optimal allocation N_opt = G*(C/6)^a has
a = beta/(alpha+beta) = 0.5126 (Hoffmann et al. 2022, Eq. 4). Loss gets Gaussian noise in log
space. Every number is seeded, so the files come out byte for byte the same each time.

- isoflop-sweep.csv: an isoFLOP study as Hoffmann et al. 2022 run it (Sec. 3.2, Fig. 3): 9 budgets
  from 1e18 to 1e22 FLOP in half-decades, 9 model sizes per budget spaced evenly in log N from a
  quarter to 4x the law's optimum (rounded to 3 significant digits), tokens D = C/(6N) rounded to 4
  significant digits as a tracker prints them, and 0.5% noise. The compute column is the budget.
- training-curves.jsonl: long-format training curves (one JSON object per evaluation, the shape
  experiment trackers export): 19 sizes from 20M to 2B parameters (10^(1/9) apart), each trained for
  100 tokens per parameter in steps of 2^19 tokens and evaluated 40 times, with 0.2% noise. Each
  evaluation's loss is the law's loss at the tokens seen so far: an idealised curve, as if every
  checkpoint ended its own schedule (see Hoffmann et al.'s cosine-schedule caveat in the output).

Usage: python3 examples/runs/make_sweeps.py   (writes both files next to this script)
"""

import json
import math
import pathlib

import numpy as np

LOG_E, LOG_A, LOG_B = 0.5971119597824348, 6.177955975826981, 7.6427323622433505
ALPHA, BETA = 0.34781302903942635, 0.3658541172951044
E, A, B = math.exp(LOG_E), math.exp(LOG_A), math.exp(LOG_B)
HERE = pathlib.Path(__file__).parent


def loss(params, tokens):
    return E + A / params**ALPHA + B / tokens**BETA


def optimal_params(compute):
    """argmin over N of L(N, C/(6N)): N_opt = (alpha*A/(beta*B))^(1/(alpha+beta)) * (C/6)^(beta/(alpha+beta))."""
    return (ALPHA * A / (BETA * B)) ** (1 / (ALPHA + BETA)) * (compute / 6) ** (BETA / (ALPHA + BETA))


def significant(value, digits):
    return float(f"{value:.{digits - 1}e}")


def scientific(value):
    """1e+18 -> 1e18, 3.16e+18 -> 3.16e18: FLOP as people write them."""
    mantissa, exponent = f"{value:.3g}".split("e")
    return f"{mantissa}e{int(exponent)}"


def count(value):
    """20200000 -> 20.2M: a size as people say it, for run names."""
    for scale, suffix in ((1e9, "B"), (1e6, "M")):
        if value >= scale:
            return f"{value / scale:.3g}{suffix}"
    return f"{value:.3g}"


def isoflop_sweep(seed=13, noise=0.005):
    rng = np.random.default_rng(seed)
    lines = ["run,compute,params,tokens,loss"]
    for k in range(9):
        compute = 10 ** (18 + k / 2)
        centre = optimal_params(compute)
        for params in np.geomspace(centre / 4, centre * 4, 9):
            params = significant(params, 3)
            tokens = significant(compute / (6 * params), 4)
            value = loss(params, tokens) * math.exp(noise * rng.standard_normal())
            lines.append(f"C{scientific(compute)}-N{count(params)},{scientific(compute)},{int(params)},{int(tokens)},{value:.4f}")
    return "\n".join(lines) + "\n"


def training_curves(seed=5, noise=0.002, tokens_per_step=2**19, evaluations=40):
    rng = np.random.default_rng(seed)
    lines = []
    for params in np.geomspace(2e7, 2e9, 19):
        params = significant(params, 3)
        steps = math.ceil(100 * params / tokens_per_step)
        for step in np.linspace(steps / evaluations, steps, evaluations):
            step = int(round(step))
            value = loss(params, step * tokens_per_step) * math.exp(noise * rng.standard_normal())
            row = {"run": f"n{count(params)}", "params": int(params), "step": step, "tokens_per_step": tokens_per_step, "loss": round(value, 4)}
            lines.append(json.dumps(row))
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    (HERE / "isoflop-sweep.csv").write_text(isoflop_sweep())
    (HERE / "training-curves.jsonl").write_text(training_curves())
    print(f"a = beta/(alpha+beta) = {BETA / (ALPHA + BETA):.6f}")
