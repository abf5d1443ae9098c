import * as assert from 'node:assert/strict';
import { ACCELERATORS, findAccelerator, hardwareBudget, weightMemoryBytes } from '../../src/core';

describe('core/hardware', () => {
  it('lists the accelerators the planning docs use, each with a source', () => {
    for (const id of ['A100', 'H100', 'H200', 'B200', 'MI300X', 'TPUv4', 'TPUv5e', 'TPUv5p']) {
      const accelerator = findAccelerator(id);
      assert.ok(accelerator, id);
      assert.ok(accelerator.source.length > 10);
    }
    assert.equal(new Set(ACCELERATORS.map((gpu) => gpu.id)).size, ACCELERATORS.length);
  });

  it('finds accelerators by loose names', () => {
    assert.equal(findAccelerator('h100')?.id, 'H100');
    assert.equal(findAccelerator('H100 SXM')?.id, 'H100');
    assert.equal(findAccelerator('TPU v5p')?.id, 'TPUv5p');
    assert.equal(findAccelerator('abacus'), undefined);
  });

  it('FLOPs = accelerators × hours × 3600 × peak × MFU, cost = accelerator-hours × price', () => {
    const budget = hardwareBudget({ accelerators: 1024, accelerator: 'H100', hours: 720, mfu: 0.4, pricePerHour: 2.5 });
    assert.equal(budget.compute, 1024 * 720 * 3600 * 989e12 * 0.4);
    assert.equal(budget.acceleratorHours, 1024 * 720);
    assert.equal(budget.cost, 1024 * 720 * 2.5);
  });

  it('rejects unknown accelerators and impossible utilisation', () => {
    assert.throws(
      () => hardwareBudget({ accelerators: 8, accelerator: 'X9', hours: 1, mfu: 0.4 }),
      /unknown accelerator "X9": expected one of/,
    );
    assert.throws(() => hardwareBudget({ accelerators: 8, accelerator: 'H100', hours: 1, mfu: 1.5 }), /MFU must be between/);
    assert.throws(
      () => hardwareBudget({ accelerators: 0, accelerator: 'H100', hours: 1, mfu: 0.5 }),
      /accelerators must be greater than zero/,
    );
  });
});

describe('core/compute: serving memory', () => {
  it('holds every parameter of a mixture-of-experts model: DeepSeek-V3 671B × 2 bytes = 1.342 TB in BF16', () => {
    assert.equal(weightMemoryBytes(671e9), 1.342e12);
    assert.throws(() => weightMemoryBytes(0), /parameters must be greater than zero/);
  });
});

describe('core/hardware: an accelerator the catalog lacks', () => {
  it('takes its peak from the caller: 8 × H800 at 989 TFLOP/s for 10 h at 50% = 8·10·3600·989e12·0.5', () => {
    const budget = hardwareBudget({ accelerators: 8, accelerator: 'H800', hours: 10, mfu: 0.5, peakFlops: 989e12 });
    assert.equal(budget.compute, 8 * 10 * 3600 * 989e12 * 0.5);
    assert.equal(budget.accelerator.name, 'H800');
    assert.throws(() => hardwareBudget({ accelerators: 8, accelerator: 'H800', hours: 10, mfu: 0.5 }), /or give its dense BF16 peak/);
  });
});
