"""The spread of the runs Besiroglu et al. 2024 refitted the Chinchilla law to, as src/core/laws/validity.ts states it.

Usage: python3 bench/epoch_data_range.py PATH/TO/svg_extracted_data.csv
The CSV is data/svg_extracted_data.csv of github.com/epoch-research/analyzing-chinchilla (not
committed here: that repository has no licence): 245 points read from Hoffmann et al. 2022's Fig. 4,
with columns "Model Size" (N) and "Training FLOP" (C); tokens are D = C / (6 N), as both papers count.
"""
import csv
import sys

rows = list(csv.DictReader(open(sys.argv[1])))
params = [float(row["Model Size"]) for row in rows]
compute = [float(row["Training FLOP"]) for row in rows]
tokens = [c / (6 * n) for n, c in zip(params, compute)]
ratio = [d / n for n, d in zip(params, tokens)]
print(f"{len(rows)} runs")
for name, values in (("N", params), ("D", tokens), ("C", compute), ("D/N", ratio)):
    print(f"{name:4} {min(values):.3g} .. {max(values):.3g}")
