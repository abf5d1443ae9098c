"""The spread of the runs behind the Chinchilla-family presets, as src/core/laws/validity.ts states it.

Usage: python3 bench/epoch_data_range.py PATH/TO/svg_extracted_data.csv
The CSV is data/svg_extracted_data.csv of github.com/epoch-research/analyzing-chinchilla (not
committed here: that repository has no licence): 245 points read from Hoffmann et al. 2022's Fig. 4,
with columns "Model Size" (N), "Training FLOP" (C) and "loss"; tokens are D = C / (6 N), as Epoch's
data_analysis.ipynb computes them. Epoch fit their published constants to 240 of them: the notebook
sets nr_of_models_excluded = 5 and keeps the runs whose loss is below the fifth highest.
"""
import csv
import sys

rows = sorted(csv.DictReader(open(sys.argv[1])), key=lambda row: float(row["loss"]))
EXCLUDED = 5
for label, runs in (("all 245 runs of Fig. 4", rows), (f"the {len(rows) - EXCLUDED} runs Epoch fit", rows[:-EXCLUDED])):
    params = [float(row["Model Size"]) for row in runs]
    compute = [float(row["Training FLOP"]) for row in runs]
    tokens = [c / (6 * n) for n, c in zip(params, compute)]
    ratio = [d / n for n, d in zip(params, tokens)]
    print(f"{label} ({len(runs)})")
    for name, values in (("N", params), ("D", tokens), ("C", compute), ("D/N", ratio)):
        print(f"  {name:4} {min(values):.3g} .. {max(values):.3g}")
