import { isLockTimeout } from './database-errors';

/** Tries of one unit of work whose row lock is busy, before the client is told to retry. */
export const LOCK_TIMEOUT_ATTEMPTS = 3;

/**
 * Runs `work` again when it gave up waiting for a row lock (lock_timeout): a busy row is
 * usually free a moment later. Bounded, with a short jittered pause so the waiters do not
 * line up again; the last lock timeout is rethrown for the filter to answer 409 or 429.
 * `work` must be safe to run again (a whole transaction that rolled back, or a single
 * statement).
 */
export async function retryOnLockTimeout<T>(
  work: () => Promise<T>,
  attempts: number = LOCK_TIMEOUT_ATTEMPTS,
): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await work();
    } catch (error) {
      if (!isLockTimeout(error) || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20 + Math.random() * 80));
    }
  }
}
