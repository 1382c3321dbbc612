import { Inject, Injectable } from '@nestjs/common';
import { type AppConfig, APP_CONFIG } from '../config';
import { StatementStorage } from './statement-storage';
import { StatementStore } from './statement-store';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Statements handled per round, so that one run never holds a long list in memory. */
const BATCH = 200;

/**
 * Statements and their PDFs are deleted STATEMENT_RETENTION_DAYS after completion (the
 * contract's Hardening rule). The file goes first and the row after it: a run that stops
 * in between leaves a row whose file is gone (410 STATEMENT_GONE, deleted on the next
 * run), never a PDF that nothing points at any more. Safe from several processes at once.
 */
@Injectable()
export class StatementRetention {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly store: StatementStore,
    private readonly storage: StatementStorage,
  ) {}

  /** Answers how many statements were deleted. */
  async removeExpired(now: Date): Promise<number> {
    const cutoff = new Date(now.getTime() - this.config.statementRetentionDays * DAY_MS);
    let deleted = 0;
    for (;;) {
      const expired = await this.store.completedBefore(cutoff, BATCH);
      for (const statement of expired) {
        if (statement.storageKey) await this.storage.remove(statement.storageKey);
      }
      deleted += await this.store.deleteFinished(expired.map((s) => s.id));
      if (expired.length < BATCH) return deleted;
    }
  }
}
