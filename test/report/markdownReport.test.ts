import * as assert from 'node:assert/strict';
import { PRESET_LAWS } from '../../src/core';
import { markdownReport } from '../../src/report/markdownReport';
import { evaluateNotebookDocument } from '../../src/report/reportDocument';

const NOTEBOOK = [
  '# Plan the 70B run',
  '',
  'Why this size: the budget below.',
  '',
  '```scaling',
  'model m params=70B tokens=1.4T',
  '```',
  '',
  '## Is it undertrained?',
  '',
  '```scaling',
  'check m',
  '```',
  '',
].join('\n');

async function report(text: string): Promise<string> {
  const document = await evaluateNotebookDocument({
    file: 'plan.scaling',
    text,
    defaultLaw: PRESET_LAWS[0],
    resources: { readFile: async () => ({ error: 'no files here' }), runFit: async () => Promise.reject(new Error('no fits here')) },
  });
  return markdownReport(document);
}

describe('report/markdownReport', () => {
  it('keeps the prose cells, in order, between the code cells they surround', async () => {
    const text = await report(NOTEBOOK);
    const order = [
      '# plan.scaling',
      '# Plan the 70B run',
      'Why this size',
      '**Cell 1** (line 6)',
      'model m params=70B',
      '## Is it undertrained?',
      '**Cell 2** (line 12)',
      'check m',
    ];
    const positions = order.map((needle) => text.indexOf(needle));
    assert.ok(
      positions.every((position) => position >= 0),
      `missing: ${order.filter((_, i) => positions[i] < 0).join(', ')}`,
    );
    assert.deepEqual(
      [...positions].sort((a, b) => a - b),
      positions,
      'in notebook order',
    );
  });

  it('labels code cells without headings, so the prose headings stay the outline', async () => {
    const headings = (await report(NOTEBOOK)).split('\n').filter((line) => line.startsWith('#'));
    assert.deepEqual(headings, ['# plan.scaling', '# Plan the 70B run', '## Is it undertrained?']);
  });
});
