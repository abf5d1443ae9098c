import { firstYes } from '../bisection';
import type { ScalingLaw } from '../laws/scalingLaw';
import { FractionRangeError, QuantityError, requirePositive } from '../quantities';
import { emergencePoint, exactMatchCeiling, requireEmergenceSettings, type EmergencePoint, type EmergenceSettings } from './exactMatch';

/**
 * Where exact match reaches a level, relative to the swept sizes: at a size inside the range,
 * already at the smallest size, only beyond the largest, or never (the ceiling is at or below it).
 */
export type ExactMatchCrossing =
  { readonly where: 'within'; readonly point: EmergencePoint } | { readonly where: 'below' | 'beyond' | 'never' };

/**
 * The 10%–90% rise, the usual measure of how long a step takes (the reference levels of a
 * transition's duration in IEEE Std 181-2011, Sec. 5.3).
 */
export const RISE_LEVELS = { from: 0.1, to: 0.9 } as const;

/**
 * Below 1% exact match looks like zero on a linear 0–100% axis: 1% of the charts' 320-pixel height
 * (CHART_HEIGHT in charts/chartSpec.ts) is about three pixels, the thickness of the line itself.
 */
export const VISIBLE_LEVEL = 0.01;

/** Model sizes swept, [smallest, largest]. */
export type ParamsRange = readonly [smallest: number, largest: number];

/** How "sudden" exact match looks beside the smooth per-token loss over a sweep of N. */
export interface EmergenceTransition {
  readonly threshold: number;
  readonly atThreshold: ExactMatchCrossing;
  /** Where exact match leaves the floor of a linear axis (VISIBLE_LEVEL). */
  readonly visible: ExactMatchCrossing;
  readonly riseFrom: ExactMatchCrossing;
  readonly riseTo: ExactMatchCrossing;
  /** Decades of N from 10% to 90% exact match, when both lie in the range. */
  readonly riseDecades?: number;
  /** The swept ends, for "the loss fell from … while exact match looked flat". */
  readonly smallest: EmergencePoint;
  readonly largest: EmergencePoint;
  /** Exact match as N → ∞. */
  readonly ceiling: number;
}

/** Throws unless `level` is an exact-match level strictly between 0% and 100%. */
export function requireExactMatchLevel(level: number, what: string): number {
  if (!(level > 0 && level < 1)) throw new FractionRangeError(what, level, 'between 0% and 100% (exclusive)');
  return level;
}

/** Bisection stops when the crossing is known to 1e-9 decades of N. */
const CROSSING_RESOLUTION_DECADES = 1e-9;

/**
 * Where exact match reaches `level` between the ends of `range`. Exact match grows with N (the
 * loss falls with N, and D does not shrink with N under any of the token rules), so the crossing is
 * bisected in log N.
 *
 * @example exactMatchCrossing(law, settings, [1e8, 1e14], 0.5)
 */
export function exactMatchCrossing(law: ScalingLaw, settings: EmergenceSettings, range: ParamsRange, level: number): ExactMatchCrossing {
  const reaches = (log10Params: number) => emergencePoint(law, 10 ** log10Params, settings).exactMatch >= level;
  const [low, high] = range.map(Math.log10);
  if (reaches(low)) return { where: 'below' };
  if (!reaches(high)) return { where: exactMatchCeiling(law, settings) > level ? 'beyond' : 'never' };
  const log10Params = firstYes(reaches, low, high, (no, yes) => (no + yes) / 2, CROSSING_RESOLUTION_DECADES);
  return { where: 'within', point: emergencePoint(law, 10 ** log10Params, settings) };
}

/**
 * The crossings that say how sharp exact match looks over `range`: the threshold, where the curve
 * lifts off a linear axis, and the 10%–90% rise.
 *
 * @example emergenceTransition(findPresetLaw('epoch')!, { answerTokens: 20, offset: 1.8, training: { kind: 'optimal' } }, [1e8, 1e14], 0.5)
 */
export function emergenceTransition(
  law: ScalingLaw,
  settings: EmergenceSettings,
  range: ParamsRange,
  threshold: number,
): EmergenceTransition {
  requireEmergenceSettings(law, settings);
  requireExactMatchLevel(threshold, 'threshold');
  requirePositive(range[0], 'smallest model size');
  if (!(range[1] > range[0]) || !Number.isFinite(range[1]))
    throw new QuantityError(`the model sizes must go up, got ${range[0]}..${range[1]}`);
  const crossing = (level: number) => exactMatchCrossing(law, settings, range, level);
  const riseFrom = crossing(RISE_LEVELS.from);
  const riseTo = crossing(RISE_LEVELS.to);
  return {
    threshold,
    atThreshold: crossing(threshold),
    visible: crossing(VISIBLE_LEVEL),
    riseFrom,
    riseTo,
    ...(riseFrom.where === 'within' && riseTo.where === 'within'
      ? { riseDecades: Math.log10(riseTo.point.params / riseFrom.point.params) }
      : {}),
    smallest: emergencePoint(law, range[0], settings),
    largest: emergencePoint(law, range[1], settings),
    ceiling: exactMatchCeiling(law, settings),
  };
}
