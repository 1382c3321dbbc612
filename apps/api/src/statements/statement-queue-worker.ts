import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { type Job, UnrecoverableError, Worker } from 'bullmq';
import { type AppConfig, APP_CONFIG } from '../config';
import { type StatementJobOutcome, StatementProcessor } from './statement-processor';
import {
  STATEMENT_QUEUE,
  STATEMENT_QUEUE_PREFIX,
  STATEMENT_WORKER_LOCK,
  type StatementJobData,
  workerConnection,
} from './statement-queue';
import { StatementStorage } from './statement-storage';
import { CANONICAL_UUID_PATTERN } from '../common';

/**
 * The worker process's BullMQ consumer: STATEMENT_WORKER_CONCURRENCY jobs at once, each run
 * by the StatementProcessor. On shutdown (SIGTERM) it stops taking jobs and lets the active
 * ones finish; a job of a worker that is killed instead is taken over by another worker once
 * its lock expires, and the processor's claim makes sure it still ends READY once.
 */
@Injectable()
export class StatementQueueWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('StatementWorker');
  private worker: Worker<StatementJobData, StatementJobOutcome['kind']> | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly processor: StatementProcessor,
    private readonly storage: StatementStorage,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.redisUrl) {
      throw new Error('REDIS_URL must be set for the statement worker');
    }
    const removed = await this.storage.removeAbandonedPartials();
    if (removed > 0) this.logger.log(`removed ${removed} abandoned partial statement files`);
    this.worker = new Worker<StatementJobData, StatementJobOutcome['kind']>(
      STATEMENT_QUEUE,
      (job) => this.handle(job),
      {
        connection: workerConnection(this.config.redisUrl),
        prefix: STATEMENT_QUEUE_PREFIX,
        concurrency: this.config.statementWorkerConcurrency,
        ...STATEMENT_WORKER_LOCK,
      },
    );
    this.worker.on('error', (error) => this.logger.warn(`queue: ${error.message}`));
    await this.worker.waitUntilReady();
    this.logger.log(`taking statement jobs, ${this.config.statementWorkerConcurrency} at a time`);
  }

  private async handle(job: Job<StatementJobData>): Promise<StatementJobOutcome['kind']> {
    const statementId = job.data?.statementId;
    if (typeof statementId !== 'string' || !CANONICAL_UUID_PATTERN.test(statementId)) {
      throw new UnrecoverableError('the job does not name a statement');
    }
    const attempts = job.opts.attempts ?? 1;
    const outcome = await this.processor.run(statementId, {
      isFinal: job.attemptsMade + 1 >= attempts,
    });
    // Thrown, so that BullMQ runs the job again after its backoff.
    if (outcome.kind === 'RETRY') throw outcome.error;
    return outcome.kind;
  }

  /** Stops taking jobs and waits for the active ones (before the database closes). */
  async beforeApplicationShutdown(): Promise<void> {
    await this.worker?.close();
  }
}
