import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { type DataSource } from 'typeorm';
import { AuditService } from '../audit';
import { Clock } from '../common';
import { inTransaction, type Queryable } from '../database';
import { AtmMetrics } from '../metrics';
import { StatementLedger } from './statement-ledger';
import { StatementPdfRenderer, StatementRenderError } from './statement-pdf-renderer';
import { StatementStorage } from './statement-storage';
import { type ClaimedStatement, StatementStore } from './statement-store';

export type StatementJobOutcome =
  | { kind: 'READY'; pageCount: number }
  | { kind: 'FAILED'; reason: string }
  /** Finished already (READY or FAILED) or unknown: a duplicate delivery, nothing to do. */
  | { kind: 'SKIPPED' }
  /** A later run claimed the statement meanwhile; that run finishes it. */
  | { kind: 'SUPERSEDED' }
  /** A transient failure (database, storage): the transport runs the job again later. */
  | { kind: 'RETRY'; error: Error };

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

/**
 * One run of a statement job, the same in the worker process (BullMQ) and in the API
 * process (embedded default):
 *
 * 1. claim the row (PENDING, or PROCESSING left by a run that died) with a fresh token and a
 *    fresh random file key;
 * 2. read the ledger, render the PDF, store it atomically under the key;
 * 3. mark READY only if this run still holds the claim (guarded UPDATE), with its audit event
 *    in the same transaction.
 *
 * A run killed anywhere leaves the row PROCESSING and at most a complete, unreferenced file,
 * which the next run's claim deletes. A render error is not retried: the row ends FAILED with
 * the reason in `failure_reason`.
 */
@Injectable()
export class StatementProcessor {
  private readonly logger = new Logger('StatementJobs');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: StatementStore,
    private readonly ledger: StatementLedger,
    private readonly renderer: StatementPdfRenderer,
    private readonly storage: StatementStorage,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly metrics: AtmMetrics,
  ) {}

  async run(statementId: string, attempt: { isFinal: boolean }): Promise<StatementJobOutcome> {
    const started = performance.now();
    const outcome = await this.attempt(statementId, attempt.isFinal);
    this.finishJob(statementId, outcome, (performance.now() - started) / 1000);
    return outcome;
  }

  /** The one place every run ends: logs and metrics by outcome. */
  private finishJob(statementId: string, outcome: StatementJobOutcome, seconds: number): void {
    this.metrics.statementJobs.observe({ outcome: outcome.kind }, seconds);
    const message = `statement ${statementId}: ${outcome.kind} in ${seconds.toFixed(2)}s`;
    if (outcome.kind === 'RETRY') this.logger.warn(`${message} (${outcome.error.message})`);
    else if (outcome.kind === 'FAILED') this.logger.error(`${message} (${outcome.reason})`);
    else this.logger.log(message);
  }

  private async attempt(statementId: string, isFinal: boolean): Promise<StatementJobOutcome> {
    const token = randomUUID();
    const storageKey = this.storage.newKey();
    let claimed: ClaimedStatement | undefined;
    try {
      claimed = await this.store.claim(statementId, { token, storageKey, at: this.clock.now() });
    } catch (error) {
      return { kind: 'RETRY', error: asError(error) };
    }
    if (!claimed) return { kind: 'SKIPPED' };
    if (claimed.previousKey) await this.removeQuietly(claimed.previousKey);

    try {
      const document = await this.ledger.read(claimed);
      const rendered = await this.renderer.render(document);
      await this.storage.put(storageKey, rendered.pdf);
      const won = await inTransaction(this.dataSource, async (manager) => {
        const ready = await this.store.markReady(manager, statementId, token, {
          pageCount: rendered.pageCount,
          at: this.clock.now(),
        });
        if (ready) {
          await this.recordFinished(manager, claimed, 'STATEMENT_READY', {
            statementId,
            pageCount: rendered.pageCount,
            attempts: claimed.attempts,
          });
        }
        return ready;
      });
      if (!won) {
        await this.removeQuietly(storageKey);
        return { kind: 'SUPERSEDED' };
      }
      return { kind: 'READY', pageCount: rendered.pageCount };
    } catch (error) {
      const failure = asError(error);
      if (!(failure instanceof StatementRenderError) && !isFinal) {
        await this.store.releaseForRetry(statementId, token, failure.message).catch(() => false);
        return { kind: 'RETRY', error: failure };
      }
      const reason =
        failure instanceof StatementRenderError
          ? `Rendering failed: ${failure.message}`
          : `Gave up after ${claimed.attempts} attempts: ${failure.message}`;
      try {
        await this.fail(statementId, token, reason);
      } catch (markError) {
        // The database is away too; the outbox sweep fails the row once the queue gave up.
        return { kind: 'RETRY', error: asError(markError) };
      }
      await this.removeQuietly(storageKey);
      return { kind: 'FAILED', reason };
    }
  }

  private async fail(statementId: string, token: string | null, reason: string): Promise<void> {
    await inTransaction(this.dataSource, async (manager) => {
      const owner = await this.store.markFailed(manager, statementId, token, {
        reason,
        at: this.clock.now(),
      });
      if (owner) {
        await this.recordFinished(manager, owner, 'STATEMENT_FAILED', { statementId, reason });
      }
    });
  }

  /** The worker's audit event for a statement it finished, in the transaction that marked it. */
  private recordFinished(
    manager: Queryable,
    owner: { customerId: string; accountId: string },
    type: 'STATEMENT_READY' | 'STATEMENT_FAILED',
    details: Record<string, unknown>,
  ): Promise<void> {
    return this.audit.record(
      {
        type,
        outcome: type === 'STATEMENT_READY' ? 'SUCCESS' : 'FAILURE',
        actorType: 'SYSTEM',
        actor: 'statement-worker',
        customerId: owner.customerId,
        accountId: owner.accountId,
        details,
      },
      manager,
    );
  }

  /** For a job the queue gave up on with no run left to say so (it stalled too often). */
  failAbandoned(statementId: string, reason: string): Promise<void> {
    return this.fail(statementId, null, reason);
  }

  private async removeQuietly(key: string): Promise<void> {
    await this.storage.remove(key).catch((error: unknown) => {
      this.logger.warn(`could not remove statement file: ${asError(error).message}`);
    });
  }
}
