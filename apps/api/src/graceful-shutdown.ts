import { type Logger } from '@nestjs/common';
import { type NestFastifyApplication } from '@nestjs/platform-fastify';

/**
 * How long requests in flight may take to finish after SIGTERM: under ECS's 30 s stop
 * timeout, after which the task is killed with whatever it holds open.
 */
export const DRAIN_TIMEOUT_MS = 20_000;
const IDLE_SWEEP_MS = 100;

/**
 * The server's one shutdown path, run once whatever signal arrives: stop accepting (the
 * listening socket closes, idle keep-alive connections are closed, requests arriving on a
 * busy one answer 503), wait for the requests in flight (at most DRAIN_TIMEOUT_MS, then
 * their connections are cut), run the modules' shutdown hooks (statement jobs, the queue,
 * Redis, the pool), close the embedded database, and answer the exit code (0 when all of
 * it went well).
 */
export function gracefulShutdown(
  app: NestFastifyApplication,
  closeDatabase: () => Promise<void>,
  logger: Logger,
): (signal: NodeJS.Signals) => Promise<number> {
  let running: Promise<number> | undefined;
  const run = async (signal: NodeJS.Signals): Promise<number> => {
    logger.log(`${signal}: finishing requests in flight, then stopping`);
    const server = app.getHttpServer();
    // A keep-alive connection whose request finishes during the drain would otherwise stay
    // open (and hold the close) until its idle timeout: close each one as soon as it idles.
    const idle = setInterval(() => server.closeIdleConnections(), IDLE_SWEEP_MS);
    const force = setTimeout(() => {
      logger.warn(`requests still open after ${DRAIN_TIMEOUT_MS} ms: closing their connections`);
      server.closeAllConnections();
    }, DRAIN_TIMEOUT_MS);
    let code = 0;
    try {
      await app.close();
    } catch (error) {
      logger.error(`shutdown: ${error instanceof Error ? error.message : String(error)}`);
      code = 1;
    } finally {
      clearInterval(idle);
      clearTimeout(force);
    }
    try {
      await closeDatabase();
    } catch (error) {
      logger.error(
        `closing the database: ${error instanceof Error ? error.message : String(error)}`,
      );
      code = 1;
    }
    logger.log('stopped');
    return code;
  };
  return (signal) => (running ??= run(signal));
}
