import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assessModel, bandEdgeEfficiencies, findPresetLaw, formatEfficiency, NEAR_OPTIMAL_FACTOR, type VerdictLabel } from '../../src/core';

interface ReferenceVerdict {
  readonly law: string;
  readonly params: number;
  readonly tokens: number;
  readonly optimalTokensPerParam: number;
  readonly computeEfficiency: number;
  readonly reducibleLoss: number;
  readonly frontierReducibleLoss: number;
  readonly label: VerdictLabel;
  readonly bandEdgeEfficiencies: readonly [fewerTokens: number, moreTokens: number];
}

/**
 * Every pair of N and D in {1e-30, 1, 1e3, 1e12, 1e25, 1e40} (the language accepts 1e-30 to 1e40) under
 * hoffmann2022, besiroglu2024 and kaplan2020, computed in 60-digit arithmetic by
 * test/fixtures/verdict_reference.py (closed forms for the Chinchilla form, App. B.4 bisection for Kaplan).
 */
const REFERENCE = (
  JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'extreme-verdicts.json'), 'utf8')) as { verdicts: ReferenceVerdict[] }
).verdicts;

/**
 * How close the efficiency can be in doubles: L = E + R is stored to about ε·E, so where the reducible
 * loss R is tiny (1.1e-11 at N = D = 1e40 under besiroglu2024) R is known to ε·E/R, and the frontier's
 * compute, ∝ R^(−(α+β)/(αβ)) with (α+β)/(αβ) < 7 for these laws, to 7·ε·E/R; twice that, plus 1e-9
 * for the bisection.
 */
function tolerance(law: string, reducibleLoss: number): number {
  return 1e-9 + (14 * Number.EPSILON * findPresetLaw(law)!.irreducibleLoss) / reducibleLoss;
}

const relativeError = (actual: number, expected: number) => Math.abs(actual / expected - 1);

describe('core/verdict at extreme magnitudes', () => {
  for (const reference of REFERENCE) {
    const { law: lawId, params, tokens } = reference;
    it(`${lawId}, N = ${params}, D = ${tokens}: label, optimal D/N and efficiency agree with the reference`, () => {
      const law = findPresetLaw(lawId)!;
      const verdict = assessModel(law, { params, tokens });
      const efficiency = verdict.computeEfficiency;
      assert.ok(Number.isFinite(efficiency) && efficiency >= 0 && efficiency <= 1, String(efficiency));
      assert.ok(relativeError(verdict.optimal.tokensPerParam, reference.optimalTokensPerParam) < 1e-12);
      assert.equal(verdict.label, reference.label);
      const error = relativeError(efficiency, reference.computeEfficiency);
      assert.ok(error <= tolerance(lawId, reference.reducibleLoss), `efficiency ${efficiency} vs ${reference.computeEfficiency}`);
      assert.equal(formatEfficiency(efficiency), formatEfficiency(reference.computeEfficiency));

      // The models at the band's edges have more reducible loss than the optimum at this compute.
      const edges = bandEdgeEfficiencies(law, verdict.compute);
      const edgeTolerance = tolerance(lawId, reference.frontierReducibleLoss);
      assert.ok(relativeError(edges.fewerTokens, reference.bandEdgeEfficiencies[0]) <= edgeTolerance, String(edges.fewerTokens));
      assert.ok(relativeError(edges.moreTokens, reference.bandEdgeEfficiencies[1]) <= edgeTolerance, String(edges.moreTokens));
      // Near compute-optimal means D/N within the band, and so at least the efficiency of its edges.
      if (verdict.label === 'near compute-optimal') {
        assert.ok(verdict.ratioToOptimal >= 1 / NEAR_OPTIMAL_FACTOR && verdict.ratioToOptimal <= NEAR_OPTIMAL_FACTOR);
        assert.ok(efficiency >= Math.min(edges.fewerTokens, edges.moreTokens), String(efficiency));
      }
    });
  }
});
