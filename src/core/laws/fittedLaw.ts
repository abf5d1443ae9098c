import { ChinchillaLaw } from './chinchillaLaw';
import { runsValidity } from './validity';

/**
 * The same law, carrying the range of the runs it was fitted to, so that its answers say when they
 * extrapolate beyond the user's own ladder.
 *
 * @example withRunsValidity(lawFromFit(fit, 'ladder'), runs).validity?.params // { low: smallest N, high: largest N }
 */
export function withRunsValidity(
  law: ChinchillaLaw,
  runs: ReadonlyArray<{ readonly params: number; readonly tokens: number }>,
): ChinchillaLaw {
  return new ChinchillaLaw(law.id, law.name, law.citation, law.fit, law.standardErrors, law.caveat, runsValidity(runs), 'your runs');
}
