// What a user should see in each example, checked by test/e2e/run.mjs after "Run All".
//
// notebooks: file name in examples/ → {
//   outputs: list of {
//     cell:    index among the notebook's *code* cells (0-based), or
//     source:  string (substring) or RegExp matched against a code cell's text (first match);
//     contains:    strings/RegExps that the cell's output text must show;
//     notContains: strings/RegExps it must not show;
//     chart:   true if the cell must show a rendered chart (SVG with marks);
//     error:   true if the cell is expected to fail (error state or error output);
//   }
//   charts: minimum number of rendered charts in the notebook;
//   hover:  { text, contains } hover `text` in a code cell, expect `contains` in the hover.
//   runTimeout: seconds Run All may take (default 90, or --run-timeout).
// }
// Every notebook in examples/*.scaling is opened and run even without an entry here: all code
// cells must then finish without errors, and every chart must render marks.

export const notebooks = {
  // C = 6·N·D, checked by hand: Gopher 6·280e9·300e9 = 5.04e23, Chinchilla 6·70e9·1.4e12 = 5.88e23.
  'chinchilla-vs-gopher.scaling': {
    outputs: [
      { source: 'model chinchilla', contains: ['5.04e23', '5.88e23', 'undertrained', 'near compute-optimal'] },
      // The notebook declares its own gopher, so its compute is 6ND = 5.04e23 and the output says which figure it used.
      { source: 'optimal gopher', contains: ['Compute-optimal model for gopher', 'Compute: 6·N·D = 5.04e23 FLOP for gopher'] },
      { source: 'check gopher, chinchilla', contains: ['gopher: undertrained', 'chinchilla: near compute-optimal'] },
      { source: 'compare gopher, chinchilla', contains: ['kaplan2020', 'hoffmann2022'] },
      { source: 'plot frontier', chart: true },
      { source: 'plot isoflop', chart: true },
    ],
    charts: 2,
  },
  // GPT-3 6·175e9·300e9 = 3.15e23; DeepSeek-V3 counts its 37B active parameters:
  // 6·37e9·14.8e12 = 3.29e24; "mine" 6·13e9·2e12 = 1.56e23. DeepSeek-V3's 14.8T tokens lie
  // log10(14.8T / 318B) = 1.67 decades beyond the largest D of the 240 runs Epoch fit (bench/epoch_data_range.py).
  'is-my-model-undertrained.scaling': {
    outputs: [
      { cell: 0, contains: ['gpt-3', '3.15e23', 'llama-3-8b', 'overtrained', 'undertrained'] },
      {
        source: 'deepseek-v3',
        contains: ['37B active', '3.29e24', 'D = 14.8T tokens is 1.7 decades above the largest token count', 'mixture-of-experts'],
      },
      { source: 'plot tokens-per-param', chart: true },
      { source: 'model mine', contains: ['1.56e23', 'mine: overtrained'] },
    ],
    charts: 1,
  },
  // The fit's numbers depend on the synthetic ladder: fill them in once the notebook runs clean.
  'fit-your-ladder.scaling': {
    outputs: [
      { source: 'fit ladder', contains: ['planned'] },
      { source: 'plot fit ladder', chart: true },
    ],
    charts: 2,
  },
  // 2048 GPUs · 60 days · 24 h = 2.95M GPU-hours, at $2.50/h = $7.37M;
  // 2048 · 989 TFLOP/s (H100 dense BF16) · 40% · 60 days = 4.2e24 FLOP, at 30% 3.15e24;
  // serve-20b 6·20e9·8e12 = 9.6e23.
  'plan-a-training-run.scaling': {
    outputs: [
      { source: 'mfu=40%', contains: ['4.2e24', '2.95M', '$7.37M'] },
      { source: 'mfu=30%', contains: ['3.15e24'] },
      { source: 'plot laws', chart: true },
      { source: 'optimal params=20B', contains: ['9.6e23', 'serve-20b: overtrained'] },
    ],
    charts: 2,
  },
  // Muennighoff et al. 2023: 2T tokens over 500B unique = 4 epochs, D′ = 500B + 500B·15.39·(1 − e^(−3/15.39)) = 1.86T.
  'data-limited.scaling': {
    outputs: [
      { source: 'model four', contains: ['500B', '1.86T', '+0.0017'] },
      { source: 'plot epochs', chart: true },
    ],
    charts: 1,
  },
  // numpy's Approach 2 on runs/isoflop-sweep.csv (test/fixtures/isoflop-reference.json): a = 0.519, and
  // at the cluster (2048 · 989 TFLOP/s · 40% · 60 days = 4.2e24 FLOP) N_opt = G·C^a = 0.03645·4.2e24^0.5192 = 221B,
  // D_opt = C/(6·N_opt) = 3.16T.
  'isoflop-sweep.scaling': {
    outputs: [
      { source: 'fit sweep approach=isoflop', contains: ['a = 0.519', '221B', '3.16T'], chart: true },
      { source: 'plot allocation sweep', contains: ['221B'], chart: true },
      { source: 'optimal cluster law=sweep', contains: ['allocation only', '221B'] },
      { source: 'fit sweep approach=all', contains: ['Approach 2, isoFLOP profiles', 'Approach 3, parametric L(N, D)'] },
    ],
    charts: 2,
    runTimeout: 150,
  },
  // The curves come from Epoch's law, whose a = β/(α+β) = 0.5126: the envelope must land within 0.01 of it.
  'training-curves.scaling': {
    outputs: [
      { source: 'data curves', contains: ['training curves of 19 runs (760 evaluations)'] },
      {
        source: 'fit curves approach=envelope',
        contains: [/a = 0\.5(0[3-9]|1\d|2[0-2])/, 'cosine schedule', /allocation only/i],
        chart: true,
      },
      { source: 'plot allocation curves', chart: true },
    ],
    charts: 2,
  },
  // Sardana et al. 2023: both models reach the same loss; the inference-aware one is smaller.
  'serve-cheaply.scaling': {
    outputs: [
      { source: 'optimal cluster serve=', contains: ['Chinchilla-optimal', 'inference-aware'] },
      { source: 'plot inference-cost', chart: true },
    ],
    charts: 1,
  },
  // pass@k with p = 5%: 1 − 0.95^45 = 90.1% is the first k reaching 90% (0.95^44 → 89.5%).
  'test-time-compute.scaling': {
    outputs: [{ source: 'coverage p=5%', contains: ['45', '90.1%', '89.5%'], chart: true }],
    charts: 3,
  },
  'emergence.scaling': {
    outputs: [{ source: 'emergence answer=20 offset=E', contains: ['exact match'], chart: true }],
    charts: 2,
  },
  // ATLAS (Longpre et al. 2026): r = 4, N × 4^0.243 = ×1.40, D × 4^0.728 = ×2.74, C × 4^0.971 = ×3.84.
  'multilingual.scaling': {
    outputs: [{ source: 'languages from=8 to=32 params=7B', contains: ['×1.4', '×2.74', '×3.84', '9.8B'], chart: true }],
    charts: 1,
  },
  'data-mixture.scaling': {
    outputs: [
      { source: 'fit study mixture=joint', contains: ['joint'] },
      { source: 'optimal mixture for study params', contains: ['web', 'code', 'books'], chart: true },
    ],
    charts: 2,
  },
};

/**
 * When a notebook has no `hover` entry, the first code cell mentioning one of these model names
 * is hovered (once per suite) and the hover must show `tokens/param`.
 */
export const modelNames =
  /\b(chinchilla(?:-70b)?|gopher(?:-280b)?|gpt-?3(?:-175b)?|llama[-\w.]*\d+b|falcon-?\d+b|qwen-?2-72b|deepseek-?v3)\b/i;
export const modelHoverContains = 'tokens/param';

/** Text typed into a new code cell at the top of a notebook: must raise a diagnostic. */
export const diagnostic = {
  notebook: undefined, // default: the first notebook
  text: 'params = 70B ** @@ oops',
};

/** A phrase hovered in a Markdown file: the hover must give a verdict. */
export const markdownHover = {
  file: 'design-doc.md',
  text: '70B parameters model trained on 1.4T tokens',
  contains: /undertrained|compute-optimal|overtrained/i,
};
