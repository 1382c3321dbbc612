import { type ConnectionOptions, type JobsOptions } from 'bullmq';

/** The BullMQ queue of statement jobs, and its one kind of job. */
export const STATEMENT_QUEUE = 'statements';
export const RENDER_STATEMENT_JOB = 'render-statement';
/** Namespace of the queue's keys in Redis (other data in the same Redis stays apart). */
export const STATEMENT_QUEUE_PREFIX = 'atm';

/** A job carries the statement's id and nothing else: no names, numbers or card data. */
export interface StatementJobData {
  statementId: string;
}

/** How often a job runs before its statement is FAILED, and how long between runs. */
export const STATEMENT_JOB_ATTEMPTS = 5;
export const STATEMENT_JOB_BACKOFF_MS = 2000;

/**
 * The job id is the statement id, so a retry, a second request path or the outbox sweep can
 * never make a second job for one statement: BullMQ ignores an add whose id exists.
 */
export function statementJobOptions(statementId: string): JobsOptions {
  return {
    jobId: statementId,
    attempts: STATEMENT_JOB_ATTEMPTS,
    backoff: { type: 'exponential', delay: STATEMENT_JOB_BACKOFF_MS },
    removeOnComplete: { age: 24 * 3600, count: 10000 },
    removeOnFail: { age: 7 * 24 * 3600 },
  };
}

/**
 * Worker lock settings. A worker renews its job's lock every lockDuration/2; a worker that
 * was killed stops renewing, and after lockDuration the job is "stalled" and handed to
 * another worker within a stalledInterval or two. A render blocks the event loop for about a
 * second for 2,000 entries, far below the lock.
 */
export const STATEMENT_WORKER_LOCK = {
  lockDuration: 15_000,
  stalledInterval: 5_000,
  maxStalledCount: 3,
} as const;

/** Reconnect quickly (at most every 2 s) once Redis is back. */
const retryStrategy = (times: number): number => Math.min(times * 200, 2000);

/**
 * The API's producer connection fails fast while Redis is away (no offline queue), so that a
 * statement request never waits on Redis: the row is the outbox, the sweep enqueues later.
 */
export function producerConnection(redisUrl: string): ConnectionOptions {
  return {
    url: redisUrl,
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    connectTimeout: 2000,
    retryStrategy,
  };
}

/** The worker's connection blocks while waiting for jobs, as BullMQ requires. */
export function workerConnection(redisUrl: string): ConnectionOptions {
  return { url: redisUrl, maxRetriesPerRequest: null, connectTimeout: 2000, retryStrategy };
}

/** Settles with `work`, or rejects after `ms` (the work itself is not cancelled). */
export function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
