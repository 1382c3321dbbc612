import {
  type BeforeApplicationShutdown,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { StatementDispatcher } from './statement-dispatcher';

/** How often the API looks for unfinished statements that have no job. */
export const STATEMENT_SWEEP_INTERVAL_MS = 5000;

/**
 * The outbox sweep of the API process. At start it resumes what a crash left PENDING or
 * PROCESSING; then, every few seconds, it gives a job to every unfinished statement that has
 * none (a request whose enqueue failed while Redis was down, a queue that lost its data).
 */
@Injectable()
export class StatementRecovery implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('StatementRecovery');
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(private readonly dispatcher: StatementDispatcher) {}

  onApplicationBootstrap(): void {
    // A sweep catches and logs its own failure: nothing is left to await here.
    void this.sweep(true);
    this.timer = setInterval(() => void this.sweep(false), STATEMENT_SWEEP_INTERVAL_MS);
    this.timer.unref();
  }

  /** Runs one sweep unless one is still running; answers when it is done. */
  sweep(startup = false): Promise<void> {
    this.running ??= this.dispatcher
      .recover(startup)
      .catch((error: unknown) => {
        this.logger.warn(`statement sweep skipped: ${(error as Error).message}`);
      })
      .finally(() => {
        this.running = undefined;
      });
    return this.running;
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }
}
