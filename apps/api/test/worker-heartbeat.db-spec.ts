import { Logger } from '@nestjs/common';
import { Queue } from 'bullmq';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  QUEUE_REPORT_INTERVAL_MS,
  WorkerHeartbeat,
} from '../src/statements/statement-worker-heartbeat';
import {
  STATEMENT_QUEUE,
  STATEMENT_QUEUE_PREFIX,
  producerConnection,
} from '../src/statements/statement-queue';
import { PrivateRedis } from './support/private-services';

// The worker's health signal (the file ECS checks) and its queue report (the log line
// CloudWatch turns into the scaling and alarm metrics), against a private Redis.
describe('WorkerHeartbeat', () => {
  let redis: PrivateRedis;
  let redisStopped = false;
  let dir: string;

  beforeAll(async () => {
    redis = await PrivateRedis.start();
    dir = mkdtempSync(join(tmpdir(), 'atm-heartbeat-'));
  });

  afterAll(async () => {
    if (!redisStopped) await redis.stopServer();
    rmSync(dir, { recursive: true, force: true });
  });

  it('touches the file and logs the counts once a minute while the queue answers, and stops when Redis is gone', async () => {
    const queue = new Queue(STATEMENT_QUEUE, {
      connection: producerConnection(redis.url),
      prefix: STATEMENT_QUEUE_PREFIX,
    });
    await queue.add('render-statement', { statementId: '00000000-0000-4000-8000-000000000001' });
    await queue.add('render-statement', { statementId: '00000000-0000-4000-8000-000000000002' });
    await queue.close();

    const logged: unknown[] = [];
    const spy = jest
      .spyOn(Logger.prototype, 'log')
      .mockImplementation((message: unknown) => void logged.push(message));
    let clock = 1_000_000_000_000;
    const file = join(dir, 'heartbeat');
    const heartbeat = new WorkerHeartbeat(redis.url, file, () => clock);
    try {
      expect(await heartbeat.beat()).toEqual({ waiting: 2, active: 0, delayed: 0, failed: 0 });
      expect(statSync(file).mtimeMs).toBe(clock);
      expect(logged).toEqual([
        { event: 'statement_queue', waiting: 2, active: 0, delayed: 0, failed: 0 },
      ]);

      clock += 15_000;
      await heartbeat.beat();
      expect(statSync(file).mtimeMs).toBe(clock);
      expect(logged).toHaveLength(1);
      clock += QUEUE_REPORT_INTERVAL_MS;
      await heartbeat.beat();
      expect(logged).toHaveLength(2);

      await redis.stopServer();
      redisStopped = true;
      const before = statSync(file).mtimeMs;
      clock += 15_000;
      expect(await heartbeat.beat()).toBeUndefined();
      expect(statSync(file).mtimeMs).toBe(before);
    } finally {
      spy.mockRestore();
      await heartbeat.stop().catch(() => undefined);
    }
  });
});
