import { failOnStall, rateOf, scenarioTimeoutMs, StallError, stallMs } from './progress';
import { sleep } from './http';

/** The resilience suite's time limits: a stall fails, slow progress never does. */
describe('resilience time limits', () => {
  it('lets slow but steady work run past any fixed limit', async () => {
    let done = 0;
    const work = (async () => {
      for (let i = 0; i < 12; i += 1) {
        await sleep(50);
        done += 1;
      }
      return 'finished';
    })();
    // 600 ms of work under a 200 ms stall limit: it moves every 50 ms, so it is not a stall.
    await expect(failOnStall(work, () => done, { limitMs: 200, what: 'steady' })).resolves.toBe(
      'finished',
    );
  });

  it('fails work that stops completing operations, saying where', async () => {
    let done = 0;
    const work = (async () => {
      done = 3;
      await sleep(5_000);
    })();
    const started = Date.now();
    const outcome = failOnStall(work, () => done, { limitMs: 150, what: 'bank load' });
    await expect(outcome).rejects.toBeInstanceOf(StallError);
    await expect(outcome).rejects.toThrow(
      /^bank load: no operation completed for 0\.1 s \(stalled at 3\)/,
    );
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('passes on the work failure itself', async () => {
    await expect(
      failOnStall(Promise.reject(new Error('ledger mismatch')), () => 0, {
        limitMs: 1000,
        what: 'x',
      }),
    ).rejects.toThrow('ledger mismatch');
  });

  it("grows jest's backstop with the operation count, beyond the old fixed 60 s", () => {
    expect(scenarioTimeoutMs(400)).toBeGreaterThan(60_000);
    expect(scenarioTimeoutMs(10_000)).toBeGreaterThan(scenarioTimeoutMs(400) + 10_000 / 10);
    // 10,000 operations at the slowest rate measured (4.1 ops/s) fit twice inside it.
    expect(scenarioTimeoutMs(10_000)).toBeGreaterThan((10_000 / 4.1) * 1000 * 2);
  });

  it('reads the stall limit from RESILIENCE_STALL_SECONDS', () => {
    expect(stallMs({})).toBe(120_000);
    expect(stallMs({ RESILIENCE_STALL_SECONDS: '30' })).toBe(30_000);
    expect(() => stallMs({ RESILIENCE_STALL_SECONDS: '0' })).toThrow(/RESILIENCE_STALL_SECONDS/);
  });

  it('prints a rate', () => {
    expect(rateOf(1000, 4000)).toBe('1000 ops in 4.0 s = 250.0 ops/s');
  });
});
