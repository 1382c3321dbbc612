/**
 * Time limits for the resilience scenarios that fail on a real stall, never on a slow
 * machine. A wall-clock limit (jest's 60 s) failed correct runs on a loaded 2-core box;
 * here a scenario fails only when no operation completes for `stallMs`, and jest's own
 * limit is a backstop derived from the operation count at a rate far below any real one.
 */

export class StallError extends Error {
  override readonly name = 'StallError';
}

/** Seconds without a completed operation after which a scenario is a real stall. */
export function stallMs(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.RESILIENCE_STALL_SECONDS;
  const seconds = raw === undefined || raw.trim() === '' ? 120 : Number(raw);
  if (!Number.isFinite(seconds) || seconds <= 0)
    throw new Error('RESILIENCE_STALL_SECONDS must be a number > 0');
  return seconds * 1000;
}

/** Setup, restarts, the ledger check and the replays, on top of the operations themselves. */
const SCENARIO_OVERHEAD_MS = 10 * 60_000;
/**
 * Below any measured rate: the slowest seen was 4.1 ops/s (the crash scenario at 400
 * operations, on a 2-core machine shared by eight test runs).
 */
const BACKSTOP_OPS_PER_SECOND = 1;

/** jest's per-scenario timeout: only a backstop behind the stall check, grown with `ops`. */
export function scenarioTimeoutMs(ops: number): number {
  return SCENARIO_OVERHEAD_MS + Math.ceil((ops / BACKSTOP_OPS_PER_SECOND) * 1000);
}

/**
 * Settles as `work` does, unless `progress()` (a count of completed operations) stays the
 * same for `limitMs`: then rejects with a StallError saying where it stopped. Slow but
 * moving work is never failed.
 */
export function failOnStall<T>(
  work: Promise<T>,
  progress: () => number,
  options: { limitMs: number; what: string; pollMs?: number },
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let last = progress();
    let lastChange = Date.now();
    const timer = setInterval(
      () => {
        const now = progress();
        if (now !== last) {
          last = now;
          lastChange = Date.now();
        } else if (Date.now() - lastChange >= options.limitMs) {
          clearInterval(timer);
          reject(
            new StallError(
              `${options.what}: no operation completed for ${(options.limitMs / 1000).toFixed(1)} s (stalled at ${now})`,
            ),
          );
        }
      },
      options.pollMs ?? Math.min(1000, Math.max(10, options.limitMs / 10)),
    );
    work.then(
      (value) => {
        clearInterval(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearInterval(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/** "1234 ops in 12.3 s = 100.3 ops/s", for every scenario's log line. */
export function rateOf(operations: number, ms: number): string {
  const seconds = Math.max(ms, 1) / 1000;
  return `${operations} ops in ${seconds.toFixed(1)} s = ${(operations / seconds).toFixed(1)} ops/s`;
}
