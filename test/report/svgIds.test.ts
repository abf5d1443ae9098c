import * as assert from 'node:assert/strict';
import { scopeSvgIds } from '../../src/report/svgIds';

describe('report/svgIds', () => {
  it('prefixes ids and the url(#…) and href="#…" references to them, and nothing else', () => {
    const svg =
      '<svg><clipPath id="clip1"><rect/></clipPath><g clip-path="url(#clip1)"><use href="#clip1"/><a href="#elsewhere"/><path fill="url(#other)"/></g></svg>';
    assert.equal(
      scopeSvgIds(svg, 'a-'),
      '<svg><clipPath id="a-clip1"><rect/></clipPath><g clip-path="url(#a-clip1)"><use href="#a-clip1"/><a href="#elsewhere"/><path fill="url(#other)"/></g></svg>',
    );
  });

  it('gives two charts drawn with the same clip ids different ones', () => {
    const chart = '<svg><clipPath id="clip1"/><g clip-path="url(#clip1)"/></svg>';
    const ids = (svg: string) => [...svg.matchAll(/id="([^"]+)"/g)].map((match) => match[1]);
    assert.notDeepEqual(ids(scopeSvgIds(chart, 'first-')), ids(scopeSvgIds(chart, 'second-')));
  });
});
