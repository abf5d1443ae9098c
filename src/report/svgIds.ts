/**
 * The SVG with every `id` prefixed, and the references to it (`url(#id)`, `href="#id"`) too. Vega
 * numbers clip paths and gradients from 1 in every view, so two charts inlined in one page would
 * otherwise share ids and the second would be clipped by the first one's clip path.
 *
 * @example scopeSvgIds('<clipPath id="clip1"/><g clip-path="url(#clip1)"/>', 'c2-') // ids become c2-clip1
 */
export function scopeSvgIds(svg: string, prefix: string): string {
  const ids = new Set([...svg.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1]));
  if (ids.size === 0) return svg;
  return svg
    .replace(/(\sid=")([^"]+)"/g, (_whole, start: string, id: string) => `${start}${prefix}${id}"`)
    .replace(/url\(#([^)]+)\)/g, (whole, id: string) => (ids.has(id) ? `url(#${prefix}${id})` : whole))
    .replace(/(href=")#([^"]+)"/g, (whole, start: string, id: string) => (ids.has(id) ? `${start}#${prefix}${id}"` : whole));
}
