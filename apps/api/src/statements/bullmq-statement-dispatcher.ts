import { AtmMetrics } from '../metrics';
import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import { type Clock } from '../common';
import { StatementDispatcher } from './statement-dispatcher';
import { type StatementProcessor } from './statement-processor';
import {
  producerConnection,
  RENDER_STATEMENT_JOB,
  STATEMENT_QUEUE,
  STATEMENT_QUEUE_PREFIX,
  type StatementJobData,
  statementJobOptions,
  withTimeout,
} from './statement-queue';
import { type StatementStore } from './statement-store';

/** A request never waits longer than this on Redis; the outbox sweep catches up later. */
const REDIS_CALL_TIMEOUT_MS = 1000;
const SWEEP_BATCH = 200;

/**
 * The API side of the queue (REDIS_URL set). The statements table is the outbox: a request
 * commits its PENDING row first and then adds the job; if Redis is away the row simply
 * waits, and the sweep (`recover`, run every few seconds by StatementRecovery) adds a job
 * for every unfinished statement that has none. Adding a job whose id exists is a no-op, so
 * any number of API processes may sweep at once.
 */
export class BullmqStatementDispatcher
  extends StatementDispatcher
  implements OnApplicationShutdown
{
  private readonly logger = new Logger('StatementQueue');
  private readonly queue: Queue<StatementJobData>;

  constructor(
    redisUrl: string,
    private readonly store: StatementStore,
    private readonly processor: StatementProcessor,
    private readonly clock: Clock,
    metrics: AtmMetrics,
  ) {
    super();
    this.queue = new Queue<StatementJobData>(STATEMENT_QUEUE, {
      connection: producerConnection(redisUrl),
      prefix: STATEMENT_QUEUE_PREFIX,
    });
    // Without a listener every failed reconnect would be an unhandled 'error' event.
    this.queue.on('error', () => undefined);
    // Queue depth for /metrics (and for scaling the workers), read at scrape time.
    metrics.onScrape(async () => {
      const counts = await this.queue
        .getJobCounts('waiting', 'active', 'delayed', 'failed')
        .catch(() => undefined);
      for (const [state, count] of Object.entries(counts ?? {}))
        metrics.queueDepth.set({ state }, count);
    });
  }

  async dispatch(statementId: string): Promise<void> {
    try {
      await this.enqueue(statementId);
    } catch (error) {
      this.logger.warn(
        `statement ${statementId} stays PENDING until Redis answers: ${(error as Error).message}`,
      );
    }
  }

  async recover(): Promise<void> {
    const rows = await this.store.unfinished(SWEEP_BATCH);
    for (const row of rows) {
      const state = await withTimeout(
        this.queue.getJobState(row.id),
        REDIS_CALL_TIMEOUT_MS,
        'reading a job state',
      );
      if (state === 'unknown') {
        await this.enqueue(row.id);
        this.logger.log(`statement ${row.id} (${row.status}) had no job: enqueued`);
      } else if (state === 'completed') {
        // A finished job for an unfinished row cannot be re-added under its id; replace it.
        await withTimeout(this.queue.remove(row.id), REDIS_CALL_TIMEOUT_MS, 'removing a job');
        await this.enqueue(row.id);
      } else if (state === 'failed') {
        // The queue gave up (stalled too often, or the last run could not reach the database).
        await this.processor.failAbandoned(row.id, 'The job failed and will not be retried');
      }
    }
  }

  private async enqueue(statementId: string): Promise<void> {
    await withTimeout(
      this.queue.add(RENDER_STATEMENT_JOB, { statementId }, statementJobOptions(statementId)),
      REDIS_CALL_TIMEOUT_MS,
      'adding a statement job',
    );
    await this.store.markEnqueued(statementId, this.clock.now());
  }

  async onApplicationShutdown(): Promise<void> {
    await withTimeout(this.queue.close(), 2000, 'closing the queue').catch(() =>
      // Redis is away: drop the connection instead of waiting for it to come back.
      this.queue.disconnect().catch(() => undefined),
    );
  }
}
