import * as assert from 'node:assert/strict';
import { exportFileName, imageBytes, isRendererMessage } from '../../src/rendererProtocol/rendererMessages';

describe('renderer/rendererMessages', () => {
  it('recognises export and copy-spec messages and nothing else', () => {
    assert.ok(isRendererMessage({ type: 'export', format: 'svg', fileName: 'frontier', data: '<svg/>' }));
    assert.ok(isRendererMessage({ type: 'copySpec', spec: { mark: 'line' } }));
    assert.ok(!isRendererMessage({ type: 'export', format: 'gif', fileName: 'frontier', data: '' }));
    assert.ok(!isRendererMessage({ type: 'export', format: 'png', data: '' }));
    assert.ok(!isRendererMessage({ type: 'copySpec', spec: '{}' }));
    assert.ok(!isRendererMessage('export'));
    assert.ok(!isRendererMessage(null));
  });

  it('writes SVG as UTF-8 text', () => {
    const bytes = imageBytes({ type: 'export', format: 'svg', fileName: 'x', data: '<svg>≥</svg>' });
    assert.equal(new TextDecoder().decode(bytes), '<svg>≥</svg>');
  });

  it('decodes PNG from a data URL or bare base64', () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff]);
    const base64 = Buffer.from(png).toString('base64');
    assert.deepEqual(imageBytes({ type: 'export', format: 'png', fileName: 'x', data: `data:image/png;base64,${base64}` }), png);
    assert.deepEqual(imageBytes({ type: 'export', format: 'png', fileName: 'x', data: base64 }), png);
  });

  it('suggests a file name without path separators, with the extension', () => {
    assert.equal(exportFileName('isoflop-besiroglu2024', 'svg'), 'isoflop-besiroglu2024.svg');
    assert.equal(exportFileName('../../etc/passwd', 'png'), 'etc-passwd.png');
    assert.equal(exportFileName('', 'png'), 'chart.png');
  });
});
