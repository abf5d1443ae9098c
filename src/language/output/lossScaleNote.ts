import type { ScalingLaw } from '../../core';

/**
 * A sentence for tables and charts that show losses of laws measured on different text (Kaplan et
 * al. 2020 on WebText2, Sec. 2; Hoffmann et al. 2022 on MassiveText, Sec. 3; Muennighoff et al. 2023
 * on C4): their absolute values are not comparable, only their shapes and allocations are. Empty
 * when the laws whose text is known all share one.
 */
export function lossScaleNotes(laws: readonly ScalingLaw[]): string[] {
  const known = laws.filter((law) => law.lossDataset !== undefined);
  const datasets = [...new Set(known.map((law) => law.lossDataset!))];
  if (datasets.length < 2) return [];
  const lawsOn = (dataset: string) => known.filter((law) => law.lossDataset === dataset).map((law) => law.id);
  const named = datasets.map((dataset) => `${lawsOn(dataset).join(', ')} on ${dataset}`);
  return [
    `Losses are not comparable in absolute value across these laws: ${named.join('; ')} (other text, other tokenizer). ` +
      'Compare allocations and trends, not loss levels.',
  ];
}
