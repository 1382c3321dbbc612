import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource } from 'typeorm';
import { type AdminRecordsRemoved, deleteExpiredAdminRecords } from '../admin';
import { Clock } from '../common';
import { type AppConfig, APP_CONFIG } from '../config';
import { deleteExpiredIdempotencyRecords } from '../transactions';
import { deleteDecayedUnknownCardAttempts, deleteOldSessions, lockoutPolicy } from '../auth';
import { StatementRetention } from '../statements';

const EVERY_MS = 15 * 60 * 1000;

/**
 * Keeps the tables that grow with traffic bounded: idempotency records past their
 * retention (at least the contract's 24 hours), wrong-PIN counters of unknown cards whose
 * lock is long over, old ended sessions, the admin console's sessions and recorded answers
 * past theirs, and statements (with their PDFs) past STATEMENT_RETENTION_DAYS. Safe to run
 * from every API process at once.
 */
@Injectable()
export class HousekeepingService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Housekeeping');
  private timer: NodeJS.Timeout | undefined;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly statementRetention: StatementRetention,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(
      () =>
        void this.runOnce().catch((error: unknown) =>
          this.logger.warn(`skipped: ${String(error)}`),
        ),
      EVERY_MS,
    );
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  async runOnce(): Promise<{
    idempotency: number;
    unknownCards: number;
    sessions: number;
    statements: number;
    admin: AdminRecordsRemoved;
  }> {
    const now = this.clock.now();
    // Each table's owner says what is old enough to go.
    const idempotency = await deleteExpiredIdempotencyRecords(this.dataSource, now);
    const unknownCards = await deleteDecayedUnknownCardAttempts(
      this.dataSource,
      now,
      lockoutPolicy(this.config),
    );
    const sessions = await deleteOldSessions(this.dataSource, now);
    const statements = await this.statementRetention.removeExpired(now);
    const admin = await deleteExpiredAdminRecords(this.dataSource, now);
    return { idempotency, unknownCards, sessions, statements, admin };
  }
}
