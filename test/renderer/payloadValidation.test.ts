import * as assert from 'node:assert/strict';
import { RESULT_PAYLOAD_VERSION } from '../../src/language/output/resultPayload';
import { PayloadError, readResultPayload, type ReceivedPayload } from '../../src/renderer/payloadValidation';

const valid: ReceivedPayload = {
  version: RESULT_PAYLOAD_VERSION,
  kind: 'plot',
  title: 'Frontier under besiroglu2024',
  line: 3,
  tables: [{ caption: 'Optimum', columns: ['compute', 'N'], align: ['right', 'right'], rows: [['1e21', '2.9B']] }],
  notes: ['2 points were left out of the chart.'],
  chart: { spec: { mark: 'line' }, droppedPoints: 2, fileName: 'frontier' },
  data: { anything: [1, 2] },
};

/** The payload with one field replaced (or removed, with undefined). */
function withField(key: string, value: unknown): unknown {
  return { ...valid, [key]: value };
}

function assertRejected(value: unknown, message: RegExp): void {
  assert.throws(
    () => readResultPayload(value),
    (error: unknown) => error instanceof PayloadError && message.test(error.message),
  );
}

describe('renderer/payloadValidation', () => {
  it('accepts a well-formed payload as it is', () => {
    assert.deepEqual(readResultPayload(JSON.parse(JSON.stringify(valid))), valid);
  });

  it('accepts a payload without chart, caption or alignment', () => {
    const { chart: _chart, ...plain } = { ...valid, tables: [{ columns: ['a'], rows: [['1']] }] };
    assert.deepEqual(readResultPayload(plain), plain);
  });

  it('asks to re-run a payload written for another version', () => {
    assertRejected(withField('version', 2), /payload version number 2, but this renderer reads version 1: run the cell again/);
    assertRejected(withField('version', undefined), /payload version undefined/);
  });

  it('names the field that is wrong', () => {
    assertRejected(null, /the result should be an object, got null/);
    assertRejected([], /the result should be an object, got a list/);
    assertRejected(withField('title', 42), /^title should be text, got number 42$/);
    assertRejected(withField('line', 0), /line should be a line number/);
    assertRejected(withField('notes', 'one note'), /notes should be a list/);
    assertRejected(withField('tables', [{ columns: ['a', 'b'], rows: [['1']] }]), /tables\[0\]\.rows\[0\] has 1 cells for 2 columns/);
    assertRejected(
      withField('tables', [{ columns: ['a'], rows: [['1']], align: ['centre'] }]),
      /tables\[0\]\.align\[0\] should be "left" or "right"/,
    );
    assertRejected(withField('chart', { spec: [], droppedPoints: 0, fileName: 'x' }), /chart\.spec should be an object/);
    assertRejected(withField('kind', 'chart'), /kind should be one of law, model, budget, .*got string "chart"/);
    assertRejected(withField('chart', { spec: {}, droppedPoints: -1, fileName: 'x' }), /chart\.droppedPoints should be a whole number/);
    assertRejected(withField('chart', { spec: {}, droppedPoints: 0 }), /chart\.fileName should be text/);
  });
});
