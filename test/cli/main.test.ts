import * as assert from 'node:assert/strict';
import { itRefuses, runCli } from './memoryIo';

describe('cli', () => {
  for (const [argv, message] of [
    [['frobnicate'], /unknown command "frobnicate"/],
    [['chek'], /unknown command "chek": did you mean "check"\?/],
  ] as const) {
    itRefuses(argv, message);
  }

  it('lists laws and models with sources', async () => {
    const laws = await runCli('laws', '--json');
    assert.deepEqual(
      JSON.parse(laws.out).map((law: { id: string }) => law.id),
      ['hoffmann2022', 'hoffmann2022-precise', 'besiroglu2024', 'kaplan2020', 'muennighoff2023'],
    );
    const kaplan = JSON.parse(laws.out).find((law: { id: string }) => law.id === 'kaplan2020');
    assert.deepEqual(kaplan.validity.params, { low: 768, high: 1.5e9 }); // Kaplan et al. 2020, Sec. 3
    assert.match((await runCli('laws')).out, /N 70M–16B, D 5B–500B tokens, C 1\.4e18–1\.3e22 FLOP/);
    const models = await runCli('models');
    assert.match(models.out, /deepseek-v3\s+671B\s+37B\s+14\.8T/);
    assert.match(models.out, /gopher\s+280B\s+300B\s+1\.07K?\s+5\.76e23/);
  });
});
