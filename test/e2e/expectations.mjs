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
// }
// Every notebook in examples/*.scaling is opened and run even without an entry here: all code
// cells must then finish without errors, and every chart must render marks.

export const notebooks = {
  // 'chinchilla.scaling': {
  //   outputs: [
  //     { source: /chinchilla/i, contains: ['70B', '1.4T'] },
  //     { cell: 2, chart: true },
  //   ],
  //   charts: 1,
  //   hover: { text: 'chinchilla', contains: 'tokens/param' },
  // },
};

/**
 * When a notebook has no `hover` entry, the first code cell mentioning one of these model names
 * is hovered (once per suite) and the hover must show `tokens/param`.
 */
export const modelNames = /\b(chinchilla(?:-70b)?|gopher(?:-280b)?|gpt-?3(?:-175b)?|llama[-\w.]*\d+b|falcon-?\d+b|qwen-?2-72b|deepseek-?v3)\b/i;
export const modelHoverContains = 'tokens/param';

/** Text typed into a new code cell at the top of a notebook: must raise a diagnostic. */
export const diagnostic = {
  notebook: undefined, // default: the first notebook
  text: 'params = 70B ** @@ oops',
};

/** A phrase hovered in a Markdown file: the hover must give a verdict. */
export const markdownHover = {
  file: 'design-doc.md',
  text: '70B parameters trained on 1.4T tokens',
  contains: /undertrained|compute-optimal|overtrained/i,
};
