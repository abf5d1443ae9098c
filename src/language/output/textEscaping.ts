/* eslint-disable no-control-regex -- control characters are what these expressions find and remove */
/**
 * Text from outside (CSV headers, file names, cell text) reaches people through Markdown and
 * terminals, so it is shown as typed and never interpreted: no HTML or links in Markdown, no escape
 * sequences in a terminal (see docs/security.md).
 */

/** C0 and C1 control characters other than tab and newline: ANSI/OSC escapes start with ESC (0x1B) or CSI (0x9B). */
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

/** Text safe for a terminal: control characters removed, so `\x1b]8;;…` cannot retitle, recolour or link. */
export function terminalText(text: string): string {
  return text.replace(CONTROL_CHARACTERS, '');
}

/**
 * Plain text for inline Markdown: the characters Markdown gives meaning inside a line are
 * backslash-escaped and HTML's `& < >` become entities, so `<img src=x onerror=…>` or
 * `[x](javascript:…)` in a CSV header shows as those characters (CommonMark 0.31, §2.4, §6.6).
 */
export function markdownText(text: string): string {
  return terminalText(text)
    .replace(/[\\`*_[\]|~]/g, (character) => `\\${character}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}
