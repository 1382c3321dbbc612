import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger as PinoLogger } from 'nestjs-pino';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfigOrExit } from './config';
import { embeddedDirectories, openDatabase, EmbeddedPostgres } from './database';
import { StatementWorkerModule, WorkerHeartbeat } from './statements';

/**
 * `npm run worker`: makes statement PDFs from the BullMQ queue on REDIS_URL, no HTTP. Any
 * number may run. SIGTERM (ECS stopping a task) stops taking jobs, lets the active ones
 * finish, then exits 0. Without REDIS_URL there is nothing to do here: the API makes the
 * statements itself.
 */
async function main(): Promise<void> {
  // Only the database and Redis credentials reach this process in production.
  const config = loadConfigOrExit({ secrets: 'unused' });
  if (!config.redisUrl) {
    process.stderr.write(
      'REDIS_URL must be set for the worker (without it, the API makes statements in process)\n',
    );
    process.exit(1);
  }
  // Two processes must never open one PGlite directory: only the server's socket is used.
  if (
    !config.databaseUrl &&
    !EmbeddedPostgres.findRunning(embeddedDirectories(config.dataDir).dataDir)
  ) {
    process.stderr.write(
      'Without DATABASE_URL the worker uses the embedded database of a running server: start it first (npm start)\n',
    );
    process.exit(1);
  }

  const logger = new Logger('Worker');
  const database = await openDatabase(config, 'tool');
  try {
    const context = await NestFactory.createApplicationContext(
      StatementWorkerModule.forRoot({ config, database: database.target }),
      { bufferLogs: true, abortOnError: false },
    );
    context.useLogger(context.get(PinoLogger));
    context.flushLogs();
    // The health signal ECS checks (the file's age) and the queue report for CloudWatch.
    const heartbeat = new WorkerHeartbeat(
      config.redisUrl,
      process.env['WORKER_HEARTBEAT_FILE'] ?? join(tmpdir(), 'atm-worker-heartbeat'),
    );
    heartbeat.start();

    let closing = false;
    const shutdown = async (signal: string): Promise<void> => {
      if (closing) return;
      closing = true;
      logger.log(`${signal}: finishing the active statement jobs, then stopping`);
      await heartbeat.stop().catch(() => undefined);
      await context.close();
      await database.close();
      process.exit(0);
    };
    process.once('SIGTERM', () => void shutdown('SIGTERM'));
    process.once('SIGINT', () => void shutdown('SIGINT'));
    logger.log('Statement worker started');
  } catch (error) {
    logger.error(error instanceof Error ? error.message : String(error));
    await database.close().catch(() => undefined);
    process.exit(1);
  }
}

void main();
