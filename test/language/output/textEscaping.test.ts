/* eslint-disable no-control-regex -- control characters are what these expressions find and remove */
import * as assert from 'node:assert/strict';
import { evaluateNotebook } from '../../../src/language/evaluator/evaluateNotebook';
import { payloadToMarkdown, payloadToText } from '../../../src/language/output/payloadText';
import { markdownText, terminalText } from '../../../src/language/output/textEscaping';

const HOSTILE_HEADER = '<img src=x onerror=alert(1)>';
const OSC_HEADER = '\x1b]0;pwned\x07[x](javascript:alert(1))';

/** The data result of an inline table whose extra columns have hostile headers. */
function hostileData() {
  const cell = `data x\n  params,tokens,loss,${HOSTILE_HEADER},${OSC_HEADER}\n  1e8,2e9,3.5,1,2\n  4e8,8e9,3.1,1,2`;
  const [evaluation] = evaluateNotebook([cell]);
  assert.equal(evaluation.results.length, 1, evaluation.diagnostics.map((d) => d.message).join(' | '));
  return evaluation.results[0];
}

describe('language/output text escaping (issue 16 item 8)', () => {
  it('CSV headers reach the Markdown fallback as text: no HTML tag, no link, no escape sequence', () => {
    const markdown = payloadToMarkdown(hostileData());
    assert.ok(markdown.includes('&lt;img src=x onerror=alert(1)&gt;'), markdown);
    assert.doesNotMatch(markdown, /<img|[^\\]\]\(javascript|\x1b|\x07/);
  });

  it('CSV headers reach the text output without control characters', () => {
    const text = payloadToText(hostileData());
    assert.ok(text.includes(']0;pwned[x](javascript:alert(1))'), text);
    assert.doesNotMatch(text, /[\x00-\x08\x0b-\x1f\x7f-\x9f]/);
  });

  it('markdownText escapes what Markdown would interpret inline, and keeps ordinary text as it is', () => {
    assert.equal(markdownText('a*b*_c_ `d` [e](f) | ~~g~~ & <h>'), 'a\\*b\\*\\_c\\_ \\`d\\` \\[e\\](f) \\| \\~\\~g\\~\\~ &amp; &lt;h&gt;');
    assert.equal(
      markdownText('Loss 1.8169 at 6·N·D (Hoffmann et al. 2022, Eq. 4) — 70B.'),
      'Loss 1.8169 at 6·N·D (Hoffmann et al. 2022, Eq. 4) — 70B.',
    );
  });

  it('terminalText drops C0/C1 controls but keeps tabs and newlines', () => {
    assert.equal(terminalText('a\x1b[31mred\x1b[0m\tb\nc\x9b2Jd\x07'), 'a[31mred[0m\tb\nc2Jd');
  });
});
