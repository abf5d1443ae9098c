import * as assert from 'node:assert/strict';
import { PRESET_LAWS } from '../../src/core';
import type { ReportOptions } from '../../src/report';
import { fakeNotebook, fakeVscode, installFakeVscode, recorded, resetRecorded } from '../vscodeSeam/fakeVscode';

installFakeVscode();
// eslint-disable-next-line @typescript-eslint/no-require-imports
const commands = require('../../src/notebook/reportExportCommands') as typeof import('../../src/notebook/reportExportCommands');

/** Runs "Export as HTML Report…" on a one-cell notebook and returns the options the report was drawn with. */
async function exportedOptions(): Promise<ReportOptions> {
  const asked: ReportOptions[] = [];
  const notebook = fakeNotebook(['model m params=70B tokens=1.4T']);
  fakeVscode.window.activeNotebookEditor = { notebook };
  recorded.saveDialogAnswer = { scheme: 'file', path: '/workspace/plan.html' };
  commands.registerReportExportCommands({ subscriptions: [] } as never, {
    loadReports: async () =>
      ({
        notebookReport: async (_source: unknown, options: ReportOptions) => {
          asked.push(options);
          return { text: '<html></html>', charts: [], ok: true };
        },
      }) as never,
    defaultLaw: () => PRESET_LAWS[0],
    fitRunner: { run: async () => Promise.reject(new Error('no fits')) } as never,
    fitCache: new Map() as never,
  });
  await recorded.commands.get(commands.EXPORT_HTML_COMMAND)!();
  assert.deepEqual(recorded.messages, ['Exported plan.html.']);
  assert.equal(asked.length, 1);
  return asked[0];
}

describe('notebook/reportExportCommands', () => {
  beforeEach(resetRecorded);

  it('draws the charts in the editor theme: dark under dark and high-contrast dark themes', async () => {
    const { Light, Dark, HighContrast, HighContrastLight } = fakeVscode.ColorThemeKind;
    const themes: Record<number, string> = {};
    for (const kind of [Light, Dark, HighContrast, HighContrastLight]) {
      resetRecorded();
      fakeVscode.window.activeColorTheme = { kind };
      themes[kind] = (await exportedOptions()).theme;
    }
    assert.deepEqual(themes, { [Light]: 'light', [Dark]: 'dark', [HighContrast]: 'dark', [HighContrastLight]: 'light' });
  });

  it('writes the report where the save dialog says', async () => {
    await exportedOptions();
    assert.deepEqual(
      recorded.writtenFiles.map(({ uri, bytes }) => [uri.path, new TextDecoder().decode(bytes)]),
      [['/workspace/plan.html', '<html></html>']],
    );
  });
});
