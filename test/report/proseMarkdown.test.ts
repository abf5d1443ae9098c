import * as assert from 'node:assert/strict';
import { proseToHtml } from '../../src/report/proseMarkdown';

describe('report/proseMarkdown', () => {
  it('renders Markdown with GitHub tables, and raw HTML as text', () => {
    const html = proseToHtml('# Plan\n\n| a | b |\n|---|--:|\n| 1 | 2 |\n\n<script>alert(1)</script> **bold**');
    assert.match(html, /<h1>Plan<\/h1>/);
    assert.match(html, /<td style="text-align:right">2<\/td>/);
    assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt; <strong>bold<\/strong>/);
  });

  it('keeps script URLs out of links and turns images into links, so a report loads nothing', () => {
    assert.doesNotMatch(proseToHtml('[x](javascript:alert(1)) [y](vbscript:msgbox)'), /href=/);
    assert.equal(
      proseToHtml('![chart "a"](https://example.com/a.png)'),
      '<p><a class="image-link" href="https://example.com/a.png">chart &quot;a&quot;</a></p>\n',
    );
  });
});
