import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createContext, runInContext } from 'node:vm';
import * as esbuild from 'esbuild';
import type { ReportModule } from '../../src/notebook/reportLoader';

const ROOT = join(__dirname, '..', '..');

describe('report bundle (dist/report.js) in a web extension host', () => {
  it("draws a report where there is no require, process or Buffer, only a web worker's globals", async function () {
    this.timeout(60_000);
    // As scripts/build.mjs bundles it for both extension hosts.
    const built = await esbuild.build({
      entryPoints: [join(ROOT, 'src/report/index.ts')],
      bundle: true,
      platform: 'browser',
      format: 'cjs',
      target: 'es2022',
      write: false,
      logLevel: 'silent',
    });
    const worker = {
      console,
      setTimeout,
      clearTimeout,
      setInterval,
      clearInterval,
      queueMicrotask,
      structuredClone,
      TextEncoder,
      TextDecoder,
      URL,
      URLSearchParams,
      performance,
      AbortController,
      Intl,
      fetch,
    };
    const context = createContext({ ...worker, self: worker });
    const module = { exports: {} as ReportModule };
    // How src/notebook/reportLoader.ts evaluates the fetched bundle in the web host.
    runInContext(`(function (module, exports) {${built.outputFiles[0].text}\n})`, context)(module, module.exports);
    const report = await module.exports.notebookReport(
      {
        file: 'plan.scaling',
        text: readFileSync(join(ROOT, 'examples/plan-a-training-run.scaling'), 'utf8'),
        defaultLaw: undefined as never,
        resources: { readFile: async () => ({ error: 'no files here' }), runFit: async () => Promise.reject(new Error('no fits here')) },
      },
      { format: 'markdown', theme: 'dark', chartsFolderLink: 'plan-charts', generator: 'test' },
    );
    assert.ok(report.ok);
    assert.doesNotMatch(report.text, /Chart not drawn: .*/);
    assert.equal(report.charts.length, 2);
    for (const chart of report.charts) {
      assert.match(chart.svg, /^<svg[^>]*><rect[^>]*fill="#1f1f1f"[\s\S]*class="mark-line/);
      assert.ok(report.text.includes(`](plan-charts/${chart.fileName})`));
    }
  });
});
