import * as assert from 'node:assert/strict';
import { parseModelSizeInput } from '../../src/designDocs';

function sizes(text: string) {
  const model = parseModelSizeInput(text);
  return model && [model.params, model.activeParams, model.tokens];
}

describe('parseModelSizeInput', () => {
  it('reads bare counts as parameters then tokens', () => {
    assert.deepEqual(sizes('70B 1.4T'), [70e9, undefined, 1.4e12]);
    assert.deepEqual(sizes(' 7e9, 2e12 '), [7e9, undefined, 2e12]);
  });

  it('reads a middle count as the active parameters', () => {
    assert.deepEqual(sizes('671B 37B 14.8T'), [671e9, 37e9, 14.8e12]);
    assert.deepEqual(sizes('671B 37B active 14.8T'), [671e9, 37e9, 14.8e12]);
  });

  it('lets words say which count is which', () => {
    assert.deepEqual(sizes('70B params 1.4T tokens'), [70e9, undefined, 1.4e12]);
    assert.deepEqual(sizes('1.4T tokens, 70B params'), [70e9, undefined, 1.4e12]);
    assert.deepEqual(sizes('N=70e9 D=1.4e12'), [70e9, undefined, 1.4e12]);
    assert.deepEqual(sizes('280B/300B'), [280e9, undefined, 300e9]);
  });

  it('knows catalog models by any spelling', () => {
    assert.deepEqual(sizes('llama 3 8b'), [8e9, undefined, 15e12]);
    assert.deepEqual(sizes('deepseek-v3'), [671e9, 37e9, 14.8e12]);
    assert.equal(parseModelSizeInput('Llama-3-8B')?.name, 'Llama 3 8B');
  });

  it('refuses what is not a model', () => {
    for (const text of ['', '70B', 'hello', '1B 2B 3B 4B', '37B 671B active 14.8T', '$70B $1.4T']) {
      assert.equal(parseModelSizeInput(text), undefined, text);
    }
  });
});
