import * as assert from 'node:assert/strict';
import { resolveLaw } from '../../src/core';
import {
  detectModelMentions,
  detectedModelNotebookCells,
  detectedModelNotebookText,
  notebookModelName,
  type DetectedModel,
} from '../../src/designDocs';
import { evaluateNotebook } from '../../src/language/evaluator/evaluateNotebook';
import { parseScalingMarkdown } from '../../src/markdownFormat/markdownCells';

const epoch = resolveLaw('epoch');

describe('a notebook for a detected model', () => {
  it('declares the model, checks it and asks for the optimum, in a ```scaling fence', () => {
    const [mention] = detectModelMentions('Chinchilla has 70B parameters trained on 1.4T tokens.');
    assert.equal(
      detectedModelNotebookText(mention, epoch),
      [
        '# Is 70B / 1.4T tokens undertrained?',
        '',
        'From a design doc: “70B parameters trained on 1.4T tokens”.',
        '',
        '```scaling',
        'law besiroglu2024',
        'model model_70B params=70B tokens=1.4T',
        'check model_70B',
        'optimal model_70B',
        '```',
        '',
      ].join('\n'),
    );
  });

  it('keeps the exact counts, active parameters and the catalog source', () => {
    const [mention] = detectModelMentions('We compare against DeepSeek-V3 and LLaMA 65B.').slice(0);
    const text = detectedModelNotebookText(mention, epoch);
    assert.match(text, /model DeepSeek_V3 params=671B active=37B tokens=14\.8T/);
    assert.match(text, /Sizes from the model catalog: DeepSeek-AI 2024/);
    const llama = detectModelMentions('LLaMA 65B')[0];
    assert.match(detectedModelNotebookText(llama, epoch), /params=65\.2B tokens=1\.4T/);
  });

  it('reads back as the same cells', () => {
    const model: DetectedModel = { params: 6.7e9, tokens: 1e12, matchedText: 'a 6.7B model\non 1T tokens', source: 'prose' };
    const cells = detectedModelNotebookCells(model, epoch);
    const read = parseScalingMarkdown(detectedModelNotebookText(model, epoch));
    assert.deepEqual(
      read.map(({ kind, source }) => ({ kind, source })),
      cells,
    );
  });

  it('runs in the cell language without an error or a warning', () => {
    for (const text of [
      'a 7B model on 2T tokens',
      'DeepSeek-V3',
      '| Model | N | D |\n|-|-|-|\n| my run (v2) | 1.3B | 26B |',
      'Llama 3.1 405B',
    ]) {
      const [mention] = detectModelMentions(text);
      const code = detectedModelNotebookCells(mention, epoch)
        .filter((cell) => cell.kind === 'code')
        .map((cell) => cell.source);
      const [evaluation] = evaluateNotebook(code);
      const problems = evaluation.diagnostics.filter((diagnostic) => diagnostic.severity !== 'information');
      assert.deepEqual(
        problems.map((diagnostic) => diagnostic.message),
        [],
        text,
      );
      assert.deepEqual(
        evaluation.results.map((result) => result.kind),
        ['law', 'model', 'check', 'optimal'],
        text,
      );
    }
  });

  it('makes a name the language accepts from any text', () => {
    const named = (name: string) => notebookModelName({ params: 1e9, tokens: 1e12, matchedText: '', source: 'table', name });
    assert.equal(named('my run (v2)'), 'my_run_v2');
    assert.equal(named('7B-base'), 'model_7B_base');
    assert.equal(named('***'), 'model_1B');
    assert.equal(notebookModelName({ params: 1.5e9, tokens: 1e12, matchedText: '', source: 'prose' }), 'model_1_5B');
  });
});
