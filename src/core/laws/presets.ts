import { QuantityError } from '../quantities';
import { ChinchillaLaw } from './chinchillaLaw';
import { KaplanLaw } from './kaplanLaw';
import type { ChinchillaConstants, ScalingLaw } from './scalingLaw';
import { PRESET_VALIDITY } from './validity';

/**
 * Hoffmann et al. 2022 ("Training Compute-Optimal Large Language Models"), Approach 3 as printed
 * in Eq. 10: E = 1.69, A = 406.4, B = 410.7, α = 0.34, β = 0.28.
 */
const HOFFMANN_2022_PRINTED: ChinchillaConstants = { E: 1.69, A: 406.4, B: 410.7, alpha: 0.34, beta: 0.28 };

/**
 * The same Approach-3 fit at full precision, recovered from the paper's LaTeX source by
 * Besiroglu et al. 2024 ("Chinchilla Scaling: A replication attempt", Sec. 2):
 * log A = 6.0073404, log B = 6.0179186, log E = 0.5267228, α = 0.33917084, β = 0.2849083.
 */
const HOFFMANN_2022_PRECISE: ChinchillaConstants = {
  E: Math.exp(0.5267228),
  A: Math.exp(6.0073404),
  B: Math.exp(6.0179186),
  alpha: 0.33917084,
  beta: 0.2849083,
};

/**
 * Epoch AI's refit of Chinchilla's own data points (Besiroglu et al. 2024, Eq. 4 and Table 1):
 * log A = 6.177955975826981, log B = 7.6427323622433505, log E = 0.5971119597824348,
 * α = 0.34781302903942635, β = 0.3658541172951044 (A ≈ 482.01, B ≈ 2085.43, E ≈ 1.8169).
 */
const BESIROGLU_2024: ChinchillaConstants = {
  E: Math.exp(0.5971119597824348),
  A: Math.exp(6.177955975826981),
  B: Math.exp(7.6427323622433505),
  alpha: 0.34781302903942635,
  beta: 0.3658541172951044,
};

/**
 * The base law of Muennighoff et al. 2023 ("Scaling Data-Constrained Language Models", Sec. 3), as
 * released with the paper (huggingface/datablations README, "Parametric Fit"): log A = 6.255414,
 * log B = 7.3049974, log E = 0.6254804, α = β = 0.3526596 (A ≈ 520.82, B ≈ 1487.72, E ≈ 1.8691).
 * Its repetition constants R_D* and R_N* are in dataConstrained/repetitionDecay.ts.
 */
const MUENNIGHOFF_2023: ChinchillaConstants = {
  E: Math.exp(0.6254804),
  A: Math.exp(6.255414),
  B: Math.exp(7.3049974),
  alpha: 0.3526596,
  beta: 0.3526596,
};

/** Bootstrap standard errors of Epoch's refit (Besiroglu et al. 2024, Eq. 4). */
const BESIROGLU_2024_STANDARD_ERRORS = { A: 124.5, B: 1293.3, E: 0.026, alpha: 0.015, beta: 0.021 };

/** Hoffmann et al. 2022 train and evaluate on MassiveText (Sec. 3; Rae et al. 2021). */
const MASSIVE_TEXT = 'MassiveText';

function buildPresets(): ScalingLaw[] {
  return [
    new ChinchillaLaw(
      'hoffmann2022',
      'Chinchilla (Hoffmann et al. 2022, printed)',
      'Hoffmann et al. 2022, "Training Compute-Optimal Large Language Models", Approach 3, Eq. 10',
      HOFFMANN_2022_PRINTED,
      undefined,
      "The printed, rounded constants put the optimum far from 20 tokens/parameter (about 93 at Chinchilla's budget); Besiroglu et al. 2024 show the fit is unreliable.",
      PRESET_VALIDITY.hoffmann2022,
      MASSIVE_TEXT,
    ),
    new ChinchillaLaw(
      'hoffmann2022-precise',
      'Chinchilla (Hoffmann et al. 2022, full precision)',
      "Hoffmann et al. 2022, Approach 3, constants recovered from the paper's source by Besiroglu et al. 2024, Sec. 2",
      HOFFMANN_2022_PRECISE,
      undefined,
      undefined,
      PRESET_VALIDITY['hoffmann2022-precise'],
      MASSIVE_TEXT,
    ),
    new ChinchillaLaw(
      'besiroglu2024',
      'Epoch refit (Besiroglu et al. 2024)',
      'Besiroglu et al. 2024, "Chinchilla Scaling: A replication attempt", Eq. 4',
      BESIROGLU_2024,
      BESIROGLU_2024_STANDARD_ERRORS,
      undefined,
      PRESET_VALIDITY.besiroglu2024,
      MASSIVE_TEXT,
    ),
    new KaplanLaw(),
    new ChinchillaLaw(
      'muennighoff2023',
      'Data-constrained (Muennighoff et al. 2023)',
      'Muennighoff et al. 2023, "Scaling Data-Constrained Language Models", Sec. 3, fit released in huggingface/datablations',
      MUENNIGHOFF_2023,
      undefined,
      "Fitted to the paper's own runs (up to 9B parameters and 900B tokens, many on repeated data); as a plain law it assumes every token is fresh. Repetition is modelled by the unique= property (unique tokens: epochs, effective data, the loss lost to repeats).",
      PRESET_VALIDITY.muennighoff2023,
      // Muennighoff et al. 2023 train on C4 (English), not on Hoffmann et al.'s MassiveText.
      'C4',
    ),
  ];
}

/** Preset laws in display order. */
export const PRESET_LAWS: readonly ScalingLaw[] = buildPresets();

/** Other names people use for the presets. */
export const LAW_ALIASES: Readonly<Record<string, string>> = {
  chinchilla: 'hoffmann2022',
  hoffmann: 'hoffmann2022',
  epoch: 'besiroglu2024',
  besiroglu: 'besiroglu2024',
  kaplan: 'kaplan2020',
  muennighoff: 'muennighoff2023',
};

/** The law used when none is named: Epoch's refit, the most reliable fit of Chinchilla's data. */
export const DEFAULT_LAW_ID = 'besiroglu2024';

/** Finds a preset by id or alias (case-insensitive); undefined when unknown. */
export function findPresetLaw(name: string): ScalingLaw | undefined {
  const key = name.trim().toLowerCase();
  const id = LAW_ALIASES[key] ?? key;
  return PRESET_LAWS.find((law) => law.id === id);
}

/** Names a user may type for a preset, aliases included. */
export function presetLawNames(): string[] {
  return [...PRESET_LAWS.map((law) => law.id), ...Object.keys(LAW_ALIASES)];
}

/**
 * A custom Chinchilla-form law from its five constants.
 *
 * @example customLaw('mine', { E: 1.69, A: 406.4, B: 410.7, alpha: 0.34, beta: 0.28 })
 */
export function customLaw(name: string, constants: ChinchillaConstants, citation = 'custom constants'): ChinchillaLaw {
  return new ChinchillaLaw(name, name, citation, constants);
}

const CONSTANT_KEYS: Readonly<Record<string, keyof ChinchillaConstants>> = {
  e: 'E',
  a: 'A',
  b: 'B',
  alpha: 'alpha',
  α: 'alpha',
  beta: 'beta',
  β: 'beta',
};

/**
 * Reads `E=1.69 A=406.4 B=410.7 alpha=0.34 beta=0.28` (any order, spaces or commas) into
 * constants; every one of the five is required.
 */
export function parseLawConstants(text: string): ChinchillaConstants {
  const found: Partial<Record<keyof ChinchillaConstants, number>> = {};
  for (const part of text.split(/[\s,]+/).filter(Boolean)) {
    const match = /^([^=]+)=(.+)$/.exec(part);
    const key = match ? (CONSTANT_KEYS[match[1].toLowerCase()] ?? CONSTANT_KEYS[match[1]]) : undefined;
    if (!match || !key) {
      throw new QuantityError(`cannot read law constant "${part}": expected E=…, A=…, B=…, alpha=… or beta=…`);
    }
    const value = Number(match[2]);
    if (!Number.isFinite(value)) throw new QuantityError(`law constant ${key} must be a number, got "${match[2]}"`);
    found[key] = value;
  }
  const missing = (['E', 'A', 'B', 'alpha', 'beta'] as const).filter((key) => found[key] === undefined);
  if (missing.length > 0) throw new QuantityError(`law constants missing: ${missing.join(', ')}`);
  return found as ChinchillaConstants;
}

/** A preset by name, or a custom law from a constants string; throws with the known names. */
export function resolveLaw(spec: string | undefined): ScalingLaw {
  if (spec === undefined || spec.trim() === '') return findPresetLaw(DEFAULT_LAW_ID)!;
  if (spec.includes('=')) return customLaw('custom', parseLawConstants(spec));
  const law = findPresetLaw(spec);
  if (!law)
    throw new QuantityError(`unknown law "${spec}": expected one of ${presetLawNames().join(', ')}, or "E=… A=… B=… alpha=… beta=…"`);
  return law;
}
