import { type BeforeApplicationShutdown, Logger } from '@nestjs/common';
import { Semaphore } from '../common';
import { StatementDispatcher } from './statement-dispatcher';
import { type StatementProcessor } from './statement-processor';
import { STATEMENT_JOB_ATTEMPTS, STATEMENT_JOB_BACKOFF_MS, withTimeout } from './statement-queue';
import { type StatementStorage } from './statement-storage';
import { type StatementStore } from './statement-store';

const RECOVERY_BATCH = 200;
/** On shutdown, jobs in flight get this long to finish before the database closes. */
const DRAIN_TIMEOUT_MS = 20_000;

/**
 * The embedded default (no REDIS_URL): the same processor as the worker, run in the API
 * process with at most STATEMENT_WORKER_CONCURRENCY jobs at once, with the same attempts and
 * exponential backoff. Nothing is kept only in memory: the rows are the queue, so statements
 * left PENDING or PROCESSING by a crash are picked up again when the process starts.
 */
export class InProcessStatementRunner
  extends StatementDispatcher
  implements BeforeApplicationShutdown
{
  private readonly logger = new Logger('StatementRunner');
  private readonly slots: Semaphore;
  private readonly inFlight = new Map<string, Promise<void>>();
  /** Backoff waits, ended early on shutdown. */
  private readonly backoffs = new Map<NodeJS.Timeout, () => void>();
  private closing = false;

  constructor(
    concurrency: number,
    private readonly store: StatementStore,
    private readonly processor: StatementProcessor,
    private readonly storage: StatementStorage,
  ) {
    super();
    this.slots = new Semaphore(concurrency);
  }

  async dispatch(statementId: string): Promise<void> {
    // Like a BullMQ job id: a statement already running here is not started twice.
    if (this.closing || this.inFlight.has(statementId)) return;
    const run = this.runWithRetries(statementId)
      .catch((error: unknown) =>
        this.logger.error(`statement ${statementId}: ${(error as Error).message}`),
      )
      .finally(() => this.inFlight.delete(statementId));
    this.inFlight.set(statementId, run);
  }

  async recover(startup: boolean): Promise<void> {
    if (startup) {
      const removed = await this.storage.removeAbandonedPartials();
      if (removed > 0) this.logger.log(`removed ${removed} abandoned partial statement files`);
    }
    const rows = await this.store.unfinished(RECOVERY_BATCH);
    for (const row of rows) {
      if (!this.inFlight.has(row.id)) {
        if (startup) this.logger.log(`resuming statement ${row.id} (${row.status})`);
        await this.dispatch(row.id);
      }
    }
  }

  private async runWithRetries(statementId: string): Promise<void> {
    for (let attempt = 1; attempt <= STATEMENT_JOB_ATTEMPTS && !this.closing; attempt += 1) {
      const outcome = await this.slots.run(() =>
        this.closing
          ? Promise.resolve(undefined)
          : this.processor.run(statementId, { isFinal: attempt === STATEMENT_JOB_ATTEMPTS }),
      );
      if (outcome?.kind !== 'RETRY') return;
      await this.sleep(STATEMENT_JOB_BACKOFF_MS * 2 ** (attempt - 1));
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.backoffs.delete(timer);
        resolve();
      }, ms);
      timer.unref();
      this.backoffs.set(timer, resolve);
    });
  }

  /** Lets running jobs finish (the database closes after this); waiting ones stay PENDING. */
  async beforeApplicationShutdown(): Promise<void> {
    this.closing = true;
    for (const [timer, wake] of this.backoffs) {
      clearTimeout(timer);
      wake();
    }
    this.backoffs.clear();
    await withTimeout(
      Promise.allSettled([...this.inFlight.values()]),
      DRAIN_TIMEOUT_MS,
      'finishing statement jobs',
    ).catch((error: unknown) => this.logger.warn((error as Error).message));
  }
}
