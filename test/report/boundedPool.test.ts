import * as assert from 'node:assert/strict';
import { mapBounded } from '../../src/report/boundedPool';

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('report/boundedPool', () => {
  it('never runs more than the limit at once, keeps the items order, and reports each settled item', async () => {
    let running = 0;
    let most = 0;
    const progress: string[] = [];
    const items = [5, 1, 4, 2, 3, 0, 6];
    const results = await mapBounded(
      items,
      3,
      async (item) => {
        running++;
        most = Math.max(most, running);
        for (let i = 0; i < item; i++) await tick();
        running--;
        return item * 10;
      },
      (done, total) => progress.push(`${done}/${total}`),
    );
    assert.deepEqual(results, [50, 10, 40, 20, 30, 0, 60]);
    assert.equal(most, 3);
    assert.deepEqual(progress, ['1/7', '2/7', '3/7', '4/7', '5/7', '6/7', '7/7']);
  });

  it('runs everything at once when there are fewer items than the limit, and nothing for no items', async () => {
    let most = 0;
    let running = 0;
    await mapBounded([1, 2], 8, async () => {
      most = Math.max(most, ++running);
      await tick();
      running--;
    });
    assert.equal(most, 2);
    assert.deepEqual(await mapBounded([], 4, async () => 1), []);
  });

  it('refuses a limit below one', async () => {
    await assert.rejects(
      mapBounded([1], 0, async () => 1),
      /positive integer/,
    );
  });
});
