/**
 * Messages from the renderer (webview) to the extension host, and how the host reads them. Pure:
 * the renderer bundle and both host bundles (Node and web) import it.
 */

/** The renderer's id in the manifest's `contributes.notebookRenderer`. */
export const RENDERER_ID = 'scaling-notebook-renderer';

export type ImageFormat = 'svg' | 'png';

/** "Save this chart": SVG markup, or PNG as a `data:image/png;base64,` URL (or bare base64). */
export interface ExportImageMessage {
  readonly type: 'export';
  readonly format: ImageFormat;
  /** Suggested name without extension. */
  readonly fileName: string;
  readonly data: string;
}

/** "Copy this chart's Vega-Lite spec to the clipboard". */
export interface CopySpecMessage {
  readonly type: 'copySpec';
  readonly spec: Record<string, unknown>;
}

export type RendererMessage = ExportImageMessage | CopySpecMessage;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * True for a message this host understands; anything else from the webview is ignored.
 *
 * @example isRendererMessage({ type: 'copySpec', spec: { mark: 'line' } }) // true
 */
export function isRendererMessage(value: unknown): value is RendererMessage {
  if (!isObject(value)) return false;
  if (value.type === 'copySpec') return isObject(value.spec);
  return (
    value.type === 'export' &&
    (value.format === 'svg' || value.format === 'png') &&
    typeof value.fileName === 'string' &&
    typeof value.data === 'string'
  );
}

const DATA_URL_PREFIX = /^data:[^,]*;base64,/;

/**
 * The bytes to write for an exported image: SVG text as UTF-8, PNG decoded from base64 (with or
 * without its data-URL prefix). Uses only web globals, so it runs in the web extension host too.
 *
 * @example imageBytes({ type: 'export', format: 'svg', fileName: 'chart', data: '<svg/>' }).length // 6
 */
export function imageBytes(message: ExportImageMessage): Uint8Array {
  if (message.format === 'svg') return new TextEncoder().encode(message.data);
  const binary = atob(message.data.replace(DATA_URL_PREFIX, ''));
  return Uint8Array.from(binary, (character) => character.charCodeAt(0));
}

/**
 * A file name for the save dialog: the suggested name reduced to safe characters (it comes from the
 * webview, so no path separators), with the format's extension.
 *
 * @example exportFileName('isoflop-besiroglu2024', 'svg') // 'isoflop-besiroglu2024.svg'
 */
export function exportFileName(fileName: string, format: ImageFormat): string {
  const base = fileName.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[.-]+|-+$/g, '');
  return `${base || 'chart'}.${format}`;
}
