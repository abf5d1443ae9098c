import type { ScalingLaw } from '../../core';

/** The text a law's losses were measured on: its own, or the Chinchilla family's MassiveText. */
function datasetOf(law: ScalingLaw): string {
  return law.lossDataset ?? 'MassiveText';
}

/**
 * A sentence for tables and charts that show losses of laws measured on different text (Kaplan et
 * al. 2020 on WebText2, Sec. 2; Hoffmann et al. 2022 on MassiveText, Sec. 3): their absolute values
 * are not comparable, only their shapes and allocations are. Empty when all share one dataset.
 */
export function lossScaleNotes(laws: readonly ScalingLaw[]): string[] {
  const datasets = [...new Set(laws.map(datasetOf))];
  if (datasets.length < 2) return [];
  const named = datasets.map((dataset) => `${laws.filter((law) => datasetOf(law) === dataset).map((law) => law.id).join(', ')} on ${dataset}`);
  return [`Losses are not comparable in absolute value across these laws: ${named.join('; ')} (other text, other tokenizer). Compare allocations and trends, not loss levels.`];
}
