import * as assert from 'node:assert/strict';
import {
  PRESET_LAWS,
  computeOptimalAllocation,
  customLaw,
  findPresetLaw,
  minimizeLossAtCompute,
  parseLawConstants,
  resolveLaw,
} from '../../src/core';
import { PRINTED_LAW_LOSSES } from '../fixtures/chinchillaTable3';

const law = (name: string) => {
  const found = findPresetLaw(name);
  assert.ok(found, `preset ${name}`);
  return found;
};

describe('core/laws', () => {
  for (const { name, params, tokens, loss } of PRINTED_LAW_LOSSES) {
    it(`printed Chinchilla constants give L(${name}) = ${loss} (Hoffmann et al. 2022, Eq. 10)`, () => {
      assert.ok(Math.abs(law('chinchilla').loss(params, tokens) - loss) < 5e-6);
    });
  }

  it('resolves aliases to the canonical presets', () => {
    assert.equal(law('chinchilla').id, 'hoffmann2022');
    assert.equal(law('epoch').id, 'besiroglu2024');
    assert.equal(law('Kaplan').id, 'kaplan2020');
    assert.equal(findPresetLaw('nope'), undefined);
  });

  it("Epoch's refit constants match the paper's rounded values (A≈482.01, B≈2085.43, E≈1.8169)", () => {
    const { A, B, E } = law('epoch').constants;
    assert.ok(Math.abs(A - 482.01) < 0.01);
    assert.ok(Math.abs(B - 2085.43) < 0.01);
    assert.ok(Math.abs(E - 1.8169) < 1e-4);
  });

  it("Muennighoff et al.'s released fit: A≈520.82, B≈1487.72, E≈1.8691, α = β = 0.3526596, about 19.6 tokens/parameter", () => {
    const muennighoff = law('muennighoff');
    const { A, B, E, alpha, beta } = muennighoff.constants;
    assert.equal(muennighoff.id, 'muennighoff2023');
    // e^6.255414 = 520.825, e^7.3049974 = 1487.716, e^0.6254804 = 1.869144.
    assert.ok(Math.abs(A - 520.825) < 1e-3 && Math.abs(B - 1487.716) < 1e-3 && Math.abs(E - 1.869144) < 1e-6);
    assert.equal(alpha, beta);
    // With α = β the optimal D/N is constant: 1/G² = (B/A)^(1/α) = (1487.716/520.825)^(1/0.3526596) = 19.613.
    assert.ok(Math.abs(computeOptimalAllocation(muennighoff, 1e23).tokensPerParam - 19.613) < 1e-3);
    assert.match(muennighoff.caveat!, /unique=/);
  });

  it("the presets disagree on the optimal tokens/parameter at Chinchilla's budget (≈93, ≈59, ≈18)", () => {
    const compute = 5.76e23;
    const ratio = (name: string) => computeOptimalAllocation(law(name), compute).tokensPerParam;
    assert.ok(Math.abs(ratio('hoffmann2022') - 93) < 1.5, String(ratio('hoffmann2022')));
    assert.ok(Math.abs(ratio('hoffmann2022-precise') - 59) < 1.5, String(ratio('hoffmann2022-precise')));
    assert.ok(Math.abs(ratio('epoch') - 18) < 1, String(ratio('epoch')));
  });

  for (const preset of PRESET_LAWS.filter((candidate) => candidate.id !== 'kaplan2020')) {
    it(`${preset.id}: closed form agrees with the numerical minimiser to 1e-6`, () => {
      for (const compute of [1e19, 5.76e23, 1e27]) {
        const closed = preset.optimalParams!(compute);
        const numerical = minimizeLossAtCompute(preset, compute);
        assert.ok(Math.abs(numerical / closed - 1) < 1e-6, `${compute}: ${closed} vs ${numerical}`);
      }
    });
  }

  it('reads custom constants in any order and rejects incomplete or invalid ones', () => {
    const constants = parseLawConstants('alpha=0.34 E=1.69, A=406.4 B=410.7 beta=0.28');
    assert.deepEqual(constants, { E: 1.69, A: 406.4, B: 410.7, alpha: 0.34, beta: 0.28 });
    assert.throws(() => parseLawConstants('E=1.69 A=406.4'), /missing: B, alpha, beta/);
    assert.throws(() => parseLawConstants('E=1 A=1 B=1 alpha=x beta=1'), /alpha must be a number/);
    assert.throws(() => customLaw('bad', { E: 1, A: -1, B: 1, alpha: 1, beta: 1 }), /A must be greater than zero/);
    assert.equal(resolveLaw('E=1.69 A=406.4 B=410.7 alpha=0.34 beta=0.28').loss(70e9, 1.4e12), law('chinchilla').loss(70e9, 1.4e12));
    assert.throws(() => resolveLaw('gpt'), /unknown law "gpt"/);
  });
});
