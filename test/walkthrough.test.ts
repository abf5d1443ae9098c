import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface Manifest {
  contributes: { walkthroughs: Array<{ steps: Array<{ id: string; description: string }> }> };
}

const manifest = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')) as Manifest;

/** Backtick runs left open: a run of n backticks opens a code span that only a run of exactly n closes (CommonMark 6.1). */
function unclosedCodeSpans(markdown: string): string[] {
  const runs = [...markdown.matchAll(/`+/g)].map((match) => match[0]);
  const open: string[] = [];
  for (const run of runs) {
    if (open.length > 0 && open[open.length - 1] === run) open.pop();
    else if (open.length === 0) open.push(run);
  }
  return open;
}

describe('package.json walkthrough', () => {
  for (const step of manifest.contributes.walkthroughs.flatMap((walkthrough) => walkthrough.steps)) {
    it(`step "${step.id}" closes every code span it opens`, () => {
      assert.deepEqual(unclosedCodeSpans(step.description), [], step.description);
    });
  }
});
