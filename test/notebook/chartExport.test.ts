import * as assert from 'node:assert/strict';
import { installFakeVscode, recorded, resetRecorded } from '../vscodeSeam/fakeVscode';

installFakeVscode();
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { registerChartExport } = require('../../src/notebook/chartExport') as typeof import('../../src/notebook/chartExport');

const notebook = { uri: { scheme: 'file', path: '/workspace/runs/plan.scaling' } };

async function send(message: unknown): Promise<void> {
  const context = { subscriptions: [] as unknown[] };
  registerChartExport(context as never);
  await recorded.rendererListeners[0]({ editor: { notebook }, message });
}

describe('notebook/chartExport', () => {
  beforeEach(resetRecorded);

  it('saves an SVG beside the notebook under the chart name, writing its text as UTF-8', async () => {
    recorded.saveDialogAnswer = { scheme: 'file', path: '/workspace/runs/frontier.svg' };
    await send({ type: 'export', format: 'svg', fileName: 'frontier', data: '<svg/>' });
    assert.equal(recorded.saveDialogs[0].defaultUri?.path, '/workspace/runs/frontier.svg');
    assert.deepEqual(recorded.saveDialogs[0].filters, { 'SVG image': ['svg'] });
    assert.equal(new TextDecoder().decode(recorded.writtenFiles[0].bytes), '<svg/>');
    assert.match(recorded.messages[0], /Saved chart to runs\/frontier\.svg/);
  });

  it("writes nothing when the save dialog is cancelled, and ignores messages that are not the renderer's", async () => {
    await send({ type: 'export', format: 'png', fileName: 'frontier', data: 'iVBORw0KGgo=' });
    await send({ type: 'something else' });
    assert.equal(recorded.writtenFiles.length, 0);
    assert.equal(recorded.saveDialogs.length, 1);
  });

  it('copies the spec as indented JSON', async () => {
    await send({ type: 'copySpec', spec: { mark: 'line' } });
    assert.equal(recorded.clipboard[0], JSON.stringify({ mark: 'line' }, null, 2));
  });
});
