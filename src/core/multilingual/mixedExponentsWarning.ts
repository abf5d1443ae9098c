import { formatSignificant } from '../numberFormat';
import { ATLAS_CURSE_EXPONENTS, ATLAS_ISO_LOSS_EXPONENTS, isoLossExponents, type CurseExponents } from './curseOfMultilinguality';

/** Compute exponents closer than this to ATLAS's r^0.971 are the same answer, up to rounding of ϕ, ψ. */
const SAME_EXPONENT = 0.01;

/**
 * ATLAS's ϕ = 0.11 and ψ = −0.04 were fitted together with ATLAS's own α and β (Longpre et al. 2026),
 * whose iso-loss exponents give C ∝ r^0.97. Paired with other exponents they give another law: with
 * α = 0.34, β = 0.28, C ∝ r^(1 + 0.11/0.34 − 0.04/0.28) = r^1.18. Undefined when ϕ and ψ are the
 * user's own, or when the pairing happens to give ATLAS's exponent.
 *
 * @example mixedExponentsWarning({ alpha: 0.34, beta: 0.28, ...ATLAS_CURSE_EXPONENTS }) // '… C ∝ r^1.18 …'
 */
export function mixedExponentsWarning(fit: CurseExponents & { readonly alpha: number; readonly beta: number }): string | undefined {
  if (fit.phi !== ATLAS_CURSE_EXPONENTS.phi || fit.psi !== ATLAS_CURSE_EXPONENTS.psi) return undefined;
  const mixed = isoLossExponents(fit.alpha, fit.beta, fit);
  const published = ATLAS_ISO_LOSS_EXPONENTS.params + ATLAS_ISO_LOSS_EXPONENTS.totalTokens;
  const combined = mixed.params + mixed.totalTokens;
  if (Math.abs(combined - published) < SAME_EXPONENT) return undefined;
  return (
    `ATLAS's ϕ = ${fit.phi} and ψ = ${fit.psi} were fitted together with ATLAS's own exponents (Longpre et al. 2026), ` +
    `which give C ∝ r^${formatSignificant(published)}; with α = ${fit.alpha} and β = ${fit.beta} they give ` +
    `C ∝ r^${formatSignificant(combined)} instead. Fit ϕ and ψ with your α and β (phi=… psi=…), ` +
    "or drop alpha= and beta= for ATLAS's published scaling."
  );
}
