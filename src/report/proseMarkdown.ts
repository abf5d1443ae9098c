import MarkdownIt from 'markdown-it';

/**
 * The notebook's Markdown cells as HTML: CommonMark with GitHub's tables and strikethrough
 * (markdown-it's default preset), raw HTML off so `<script>` or `<img onerror>` in a cell shows as
 * text, and markdown-it's link check that refuses `javascript:`, `vbscript:`, `file:` and `data:` URLs.
 */
const markdown = new MarkdownIt('default', { html: false, linkify: false, typographer: false });

// A report loads nothing from outside: an image becomes a link to it, its alt text the link's text.
markdown.renderer.rules.image = (tokens, index, options, env, self) => {
  const token = tokens[index];
  const href = markdown.utils.escapeHtml(token.attrGet('src') ?? '');
  const alt = self.renderInlineAsText(token.children ?? [], options, env) || 'image';
  return `<a class="image-link" href="${href}">${markdown.utils.escapeHtml(alt)}</a>`;
};

export function proseToHtml(text: string): string {
  return markdown.render(text);
}
