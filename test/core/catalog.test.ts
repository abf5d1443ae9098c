import * as assert from 'node:assert/strict';
import { MODEL_CATALOG, findCatalogModel } from '../../src/core';

describe('core/catalog', () => {
  it('holds the models the planning questions name, each with a source', () => {
    for (const id of [
      'gpt-3',
      'gopher',
      'chinchilla',
      'llama-7b',
      'llama-65b',
      'llama-2-7b',
      'llama-2-70b',
      'llama-3-8b',
      'llama-3-70b',
      'llama-3.1-405b',
      'falcon-40b',
      'falcon-180b',
      'qwen2-72b',
      'deepseek-v3',
    ]) {
      const model = findCatalogModel(id);
      assert.ok(model, id);
      assert.match(model.source, /\d{4}/);
    }
  });

  it("holds the models of Chinchilla's Table 1 and PaLM, OPT-175B and BLOOM, with their papers' sizes", () => {
    // Hoffmann et al. 2022, Table 1; Chowdhery et al. 2022; Zhang et al. 2022; BigScience 2022.
    for (const [id, params, tokens] of [
      ['mt-nlg-530b', 530e9, 270e9],
      ['jurassic-1', 178e9, 300e9],
      ['lamda', 137e9, 168e9],
      ['palm-540b', 540e9, 780e9],
      ['opt-175b', 175e9, 180e9],
      ['bloom', 176e9, 366e9],
    ] as const) {
      const model = findCatalogModel(id);
      assert.deepEqual([model?.params, model?.tokens], [params, tokens], id);
      assert.match(model!.source, /\d{4}/);
    }
  });

  it('carries reported training compute with its source where the paper states it', () => {
    assert.equal(findCatalogModel('gopher')?.reportedCompute?.flops, 5.76e23);
    assert.equal(findCatalogModel('gpt-3')?.reportedCompute?.flops, 3.14e23);
    assert.match(findCatalogModel('gopher')!.reportedCompute!.source, /Hoffmann et al\. 2022/);
    assert.equal(findCatalogModel('llama-3-8b')?.reportedCompute, undefined);
  });

  it('finds models by the names people write', () => {
    assert.equal(findCatalogModel('Llama 3 8B')?.id, 'llama-3-8b');
    assert.equal(findCatalogModel('GPT-3 175B')?.id, 'gpt-3');
    assert.equal(findCatalogModel('deepseek-v3')?.activeParams, 37e9);
  });

  it('has unique ids and aliases', () => {
    const names = MODEL_CATALOG.flatMap((model) => [model.id, ...(model.aliases ?? [])]);
    assert.equal(new Set(names).size, names.length);
  });
});
