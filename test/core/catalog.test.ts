import * as assert from 'node:assert/strict';
import { MODEL_CATALOG, findCatalogModel } from '../../src/core';

describe('core/catalog', () => {
  it('holds the models the planning questions name, each with a source', () => {
    for (const id of ['gpt-3', 'gopher', 'chinchilla', 'llama-7b', 'llama-65b', 'llama-2-7b', 'llama-2-70b', 'llama-3-8b', 'llama-3-70b', 'llama-3.1-405b', 'falcon-40b', 'falcon-180b', 'qwen2-72b', 'deepseek-v3']) {
      const model = findCatalogModel(id);
      assert.ok(model, id);
      assert.match(model.source, /\d{4}/);
    }
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
