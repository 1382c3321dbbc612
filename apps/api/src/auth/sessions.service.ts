import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock';
import { type AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { type Queryable, execute, queryRows } from '../database/transaction';

export type SessionEndReason =
  'LOGOUT' | 'PIN_CHANGED' | 'LOCKED' | 'BLOCKED' | 'PIN_RESET' | 'EXPIRED';

export interface ActiveSession {
  sessionId: string;
  customerId: string;
  cardId: string;
  createdAt: Date;
  lastSeenAt: Date;
}

export type TouchResult =
  { kind: 'ACTIVE'; session: ActiveSession } | { kind: 'EXPIRED' } | { kind: 'ENDED' };

interface SessionRow {
  id: string;
  customer_id: string;
  card_id: string;
  created_at: string | Date;
  last_seen_at: string | Date;
  ended_at: string | Date | null;
}

/**
 * Server-side sessions behind the bearer tokens, so that idle timeout, absolute lifetime,
 * logout, PIN changes and locks take effect at once, on every API process. Each request
 * costs one UPDATE by primary key.
 */
@Injectable()
export class SessionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  async start(
    cardId: string,
    customerId: string,
    db: Queryable = this.dataSource,
  ): Promise<ActiveSession> {
    const now = this.clock.now();
    const rows = await queryRows<{ id: string }>(
      db,
      `INSERT INTO sessions (card_id, customer_id, created_at, last_seen_at)
       VALUES ($1, $2, $3, $3) RETURNING id`,
      [cardId, customerId, now],
    );
    return {
      sessionId: (rows[0] as { id: string }).id,
      customerId,
      cardId,
      createdAt: now,
      lastSeenAt: now,
    };
  }

  /**
   * Every authenticated request is activity: extends the idle timeout if still alive. One
   * round trip; the row is rewritten at most once a second per session (activity is kept
   * to the second), so a busy session does not turn every read into a write.
   */
  async touch(sessionId: string): Promise<TouchResult> {
    const now = this.clock.now();
    const [row] = await queryRows<
      SessionRow & { end_reason: string | null; touched_at: string | Date | null }
    >(
      this.dataSource,
      `WITH current AS (
         SELECT id, customer_id, card_id, created_at, last_seen_at, ended_at, end_reason FROM sessions WHERE id = $1
       ), touched AS (
         UPDATE sessions s SET last_seen_at = $2
           FROM current c
          WHERE s.id = c.id AND c.ended_at IS NULL
            AND c.last_seen_at > $2::timestamptz - make_interval(secs => $3)
            AND c.created_at > $2::timestamptz - make_interval(secs => $4)
            AND c.last_seen_at < $2::timestamptz - interval '1 second'
          RETURNING s.last_seen_at
       )
       SELECT c.*, (SELECT last_seen_at FROM touched) AS touched_at FROM current c`,
      [sessionId, now, this.config.sessionTimeoutSeconds, this.config.sessionMaxSeconds],
    );
    if (!row) return { kind: 'ENDED' };
    const session: ActiveSession = {
      sessionId: row.id,
      customerId: row.customer_id,
      cardId: row.card_id,
      createdAt: new Date(row.created_at),
      lastSeenAt: new Date(row.touched_at ?? row.last_seen_at),
    };
    if (row.ended_at !== null)
      return row.end_reason === 'EXPIRED' ? { kind: 'EXPIRED' } : { kind: 'ENDED' };
    if (this.expiresAt(session).getTime() <= now.getTime())
      return this.expire(sessionId, session.customerId, now);
    return { kind: 'ACTIVE', session };
  }

  /** Idle or past its lifetime: mark it ended once, and audit the expiry once. */
  private async expire(sessionId: string, customerId: string, now: Date): Promise<TouchResult> {
    const marked = await execute(
      this.dataSource,
      `UPDATE sessions SET ended_at = $2, end_reason = 'EXPIRED' WHERE id = $1 AND ended_at IS NULL`,
      [sessionId, now],
    );
    if (marked > 0) {
      await this.audit.record({
        type: 'SESSION_EXPIRED',
        outcome: 'SUCCESS',
        actorType: 'SYSTEM',
        customerId,
        details: { sessionId },
      });
    }
    return { kind: 'EXPIRED' };
  }

  expiresAt(session: Pick<ActiveSession, 'createdAt' | 'lastSeenAt'>): Date {
    const idleEnd = session.lastSeenAt.getTime() + this.config.sessionTimeoutSeconds * 1000;
    const absoluteEnd = session.createdAt.getTime() + this.config.sessionMaxSeconds * 1000;
    return new Date(Math.min(idleEnd, absoluteEnd));
  }

  async end(sessionId: string, reason: SessionEndReason): Promise<void> {
    await execute(
      this.dataSource,
      `UPDATE sessions SET ended_at = $2, end_reason = $3 WHERE id = $1 AND ended_at IS NULL`,
      [sessionId, this.clock.now(), reason],
    );
  }

  /** Ends every open session of a card (lock, block, re-PIN), except `exceptSessionId`. */
  async endAllForCard(
    cardId: string,
    reason: SessionEndReason,
    options: { exceptSessionId?: string; db?: Queryable } = {},
  ): Promise<number> {
    return execute(
      options.db ?? this.dataSource,
      `UPDATE sessions SET ended_at = $2, end_reason = $3
        WHERE card_id = $1 AND ended_at IS NULL AND ($4::uuid IS NULL OR id <> $4::uuid)`,
      [cardId, this.clock.now(), reason, options.exceptSessionId ?? null],
    );
  }
}
