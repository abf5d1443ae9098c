import * as assert from 'node:assert/strict';
import { completionsAt } from '../../src/language/completionItems';
import { hoverAt } from '../../src/language/hoverContent';
import { formWords, keywords } from '../../src/language/registry';

const labels = (cells: string[], line: number, column: number) =>
  completionsAt(cells, cells.length - 1, { line, column }).map((entry) => entry.label);

describe('language/hover', () => {
  const cells = [
    'law epoch\nmodel chinchilla params=70B tokens=1.4T\nbudget run compute=5.76e23',
    'check chinchilla, gopher\noptimal run\nbudget c gpus=8 gpu=H100 days=1 mfu=40%',
  ];

  it('a model name shows its tokens per parameter, compute and verdict', () => {
    const hover = hoverAt(cells, 1, { line: 0, column: 8 })!;
    assert.match(hover.markdown, /\*\*20 tokens\/param\*\*/);
    assert.match(hover.markdown, /5\.88e23 FLOP/);
    assert.match(hover.markdown, /near compute-optimal\*\* under besiroglu2024/);
    assert.deepEqual(hover.span, { line: 0, start: 6, end: 16 });
  });

  it('a mixture-of-experts model shows compute from active and memory from total parameters', () => {
    const markdown = hoverAt(['check deepseek-v3'], 0, { line: 0, column: 8 })!.markdown;
    assert.match(markdown, /671B \(37B active\)/);
    assert.match(markdown, /1\.34TB in BF16 \(all 671B parameters are held in memory; compute uses the active ones\)/);
    assert.match(markdown, /3\.29e24 FLOP/);
  });

  it('a catalog model is known without declaring', () => {
    assert.match(hoverAt(cells, 1, { line: 0, column: 20 })!.markdown, /gopher.*Rae et al\. 2021[\s\S]*undertrained/);
  });

  it('the declared name of a model line hovers too', () => {
    assert.match(hoverAt(cells, 0, { line: 1, column: 8 })!.markdown, /tokens\/param/);
  });

  it('a budget shows FLOPs and the compute-optimal model', () => {
    assert.match(hoverAt(cells, 1, { line: 1, column: 9 })!.markdown, /5\.76e23 FLOP[\s\S]*optimal model/);
  });

  it('a law shows its constants and source', () => {
    const markdown = hoverAt(cells, 0, { line: 0, column: 6 })!.markdown;
    assert.match(markdown, /Besiroglu et al\. 2024/);
    assert.match(markdown, /alpha \| 0\.347813 ± 0\.015/);
  });

  it('a number shows its exact value, an accelerator its peak, a keyword its syntax', () => {
    assert.match(hoverAt(cells, 0, { line: 1, column: 26 })!.markdown, /`70B` = 70,000,000,000/);
    assert.match(hoverAt(cells, 1, { line: 2, column: 24 })!.markdown, /H100 SXM.*9\.89e14 FLOP\/s/);
    assert.match(hoverAt(cells, 1, { line: 0, column: 2 })!.markdown, /`check MODEL/);
  });

  it('says nothing over blanks and comments, and never throws on broken lines', () => {
    assert.equal(hoverAt(['model   # x'], 0, { line: 0, column: 9 }), undefined);
    assert.equal(hoverAt(['check ((('], 0, { line: 0, column: 7 }), undefined);
  });
});

describe('language/completions', () => {
  it('offers keywords at the start of a line', () => {
    assert.deepEqual(labels(['mo'], 0, 2), keywords());
    for (const keyword of ['law', 'model', 'budget', 'optimal', 'check', 'compare', 'data', 'fit', 'plot'])
      assert.ok(labels(['mo'], 0, 2).includes(keyword));
  });

  it('offers the properties a keyword still lacks', () => {
    const offered = labels(['model m params=7B '], 0, 18);
    assert.ok(offered.includes('tokens') && offered.includes('active'));
    assert.ok(!offered.includes('params'));
  });

  it('offers accelerators after gpu=, laws after law=, models in a models= list', () => {
    assert.ok(labels(['budget b gpu='], 0, 13).includes('H100'));
    assert.ok(labels(['check x law='], 0, 12).includes('epoch'));
    assert.ok(labels(['model mine params=1B tokens=20B', 'plot frontier models=gopher,'], 0, 28).includes('mine'));
  });

  it('offers declared and catalog models after check, budgets after optimal', () => {
    const cells = ['model mine params=1B tokens=20B\nbudget b compute=1e22', 'check '];
    assert.ok(labels(cells, 0, 6).includes('mine'));
    assert.ok(labels(cells, 0, 6).includes('llama-3-8b'));
    assert.ok(labels(['budget b compute=1e22', 'optimal '], 0, 8).includes('b'));
  });

  it('offers plot kinds after plot', () => {
    assert.deepEqual(
      labels(['plot '], 0, 5),
      formWords('plot').map((form) => form.form),
    );
    for (const kind of ['frontier', 'isoflop', 'tokens-per-param', 'loss-vs-params', 'loss-vs-tokens', 'laws', 'fit'])
      assert.ok(labels(['plot '], 0, 5).includes(kind));
  });

  it('completes and explains the values of approach=, and offers plot allocation', () => {
    const cells = ['data sweep\n  params, tokens, loss\n  1e8, 1e9, 3\nfit sweep approach='];
    assert.deepEqual(labels(cells, 3, 19), ['parametric', 'isoflop', 'envelope', 'all']);
    const hover = hoverAt(['fit sweep approach=isoflop'], 0, { line: 0, column: 21 })!.markdown;
    assert.match(hover, /\*\*approach=isoflop\*\* — Approach 2: group runs into isoFLOP budgets/);
    assert.match(hoverAt(['fit sweep approach=isoflop'], 0, { line: 0, column: 12 })!.markdown, /Table 2/);
    assert.ok(labels(['plot '], 0, 5).includes('allocation'));
  });
});
