import { Logger } from '@nestjs/common';
import { Queue } from 'bullmq';
import { utimes, writeFile } from 'node:fs/promises';
import {
  STATEMENT_QUEUE,
  STATEMENT_QUEUE_PREFIX,
  type StatementJobData,
  producerConnection,
} from './statement-queue';

/** How often the worker proves it is alive; ECS calls it unhealthy after 60 s without. */
export const HEARTBEAT_INTERVAL_MS = 15_000;
/** How often the queue's counts are logged for CloudWatch (one metric point a minute). */
export const QUEUE_REPORT_INTERVAL_MS = 60_000;

export interface QueueCounts {
  waiting: number;
  active: number;
  delayed: number;
  failed: number;
}

/**
 * The statement worker's health signal and queue report. Every 15 s it asks Redis for the
 * queue's counts; when Redis answers it touches `file` (the ECS health check reads its age),
 * and once a minute it logs the counts as one JSON line
 * `{"event":"statement_queue","waiting":..}` that CloudWatch metric filters turn into the
 * metrics the alarms and the worker's scaling use (infra/terraform/modules/monitoring).
 * A worker whose event loop is stuck or whose Redis is gone stops touching the file.
 */
export class WorkerHeartbeat {
  private readonly logger = new Logger('StatementQueue');
  private readonly queue: Queue<StatementJobData>;
  private timer: NodeJS.Timeout | undefined;
  private lastReport = 0;

  constructor(
    redisUrl: string,
    private readonly file: string,
    private readonly now: () => number = Date.now,
  ) {
    this.queue = new Queue<StatementJobData>(STATEMENT_QUEUE, {
      connection: producerConnection(redisUrl),
      prefix: STATEMENT_QUEUE_PREFIX,
    });
    // Failed reconnects surface as a missing heartbeat, not as unhandled 'error' events.
    this.queue.on('error', () => undefined);
  }

  start(): void {
    void this.beat();
    this.timer = setInterval(() => void this.beat(), HEARTBEAT_INTERVAL_MS);
    this.timer.unref();
  }

  /** One beat: the counts, the file, and the log line when a minute has passed. */
  async beat(): Promise<QueueCounts | undefined> {
    let counts: QueueCounts;
    try {
      const raw = await this.queue.getJobCounts('waiting', 'active', 'delayed', 'failed');
      counts = {
        waiting: raw['waiting'] ?? 0,
        active: raw['active'] ?? 0,
        delayed: raw['delayed'] ?? 0,
        failed: raw['failed'] ?? 0,
      };
    } catch {
      return undefined;
    }
    const at = new Date(this.now());
    // Created on the first beat ('a' never truncates), then only its time changes.
    await writeFile(this.file, '', { flag: 'a' });
    await utimes(this.file, at, at);
    if (this.now() - this.lastReport >= QUEUE_REPORT_INTERVAL_MS) {
      this.lastReport = this.now();
      this.logger.log({ event: 'statement_queue', ...counts });
    }
    return counts;
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.queue.close();
  }
}
