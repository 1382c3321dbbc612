import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource } from 'typeorm';
import { Clock, DomainError } from '../common';
import { type AppConfig, APP_CONFIG } from '../config';
import { type Queryable, execute, queryRows } from '../database';
import { type SessionCheck, sessionEndsAt, type SessionTimes } from './session-lifetime';

/** Ended sessions are kept a while for investigations, then removed. */
const SESSION_RETENTION_DAYS = 30;

/** Removes the sessions older than their retention; answers how many went. */
export function deleteOldSessions(db: Queryable, now: Date): Promise<number> {
  return execute(
    db,
    `DELETE FROM sessions WHERE created_at < $1::timestamptz - make_interval(days => $2)`,
    [now, SESSION_RETENTION_DAYS],
  );
}

export type SessionEndReason =
  'LOGOUT' | 'PIN_CHANGED' | 'LOCKED' | 'BLOCKED' | 'PIN_RESET' | 'EXPIRED';

export interface ActiveSession extends SessionTimes {
  sessionId: string;
  customerId: string;
  cardId: string;
}

export type TouchResult = SessionCheck<{ session: ActiveSession }>;

/** How atm_session_v1 (and every call that checks a session) refuses one. */
export type SessionRefusalCode = 'UNAUTHENTICATED' | 'SESSION_EXPIRED';

/** The contract's answer to a session that is no longer alive. */
export function sessionRefused(code: SessionRefusalCode): DomainError {
  return code === 'SESSION_EXPIRED'
    ? new DomainError('SESSION_EXPIRED', 'The session has expired. Please insert your card again.')
    : new DomainError('UNAUTHENTICATED', 'The session has ended. Please insert your card again.');
}

export function isSessionRefusal(code: string): code is SessionRefusalCode {
  return code === 'UNAUTHENTICATED' || code === 'SESSION_EXPIRED';
}

type SessionCallResult =
  | { error: SessionRefusalCode }
  | {
      sessionId: string;
      customerId: string;
      cardId: string;
      createdAt: string;
      lastSeenAt: string;
    };

/**
 * Server-side sessions behind the bearer tokens, so that idle timeout, absolute lifetime,
 * logout, PIN changes and locks take effect at once, on every API process. The check runs
 * in the database (atm_session_v1), alone or inside the call that does the request's work.
 */
@Injectable()
export class SessionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
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
      sessionId: rows[0].id,
      customerId,
      cardId,
      createdAt: now,
      lastSeenAt: now,
    };
  }

  /**
   * Every authenticated request is activity: extends the idle timeout if still alive. One
   * round trip to atm_session_v1, where the session rules live (idle and absolute expiry,
   * revocation, the touch at most once a second that never waits); the money and account
   * calls run the same function inside their own single call.
   */
  async touch(sessionId: string, customerId: string): Promise<TouchResult> {
    const [row] = await queryRows<{ session: SessionCallResult }>(
      this.dataSource,
      `SELECT atm_session_v1($1, $2, $3, $4, $5) AS session`,
      this.callArguments({ sessionId, customerId }, this.clock.now()),
    );
    const result = row?.session;
    if (!result) throw new Error('atm_session_v1 answered nothing');
    if ('error' in result)
      return result.error === 'SESSION_EXPIRED' ? { kind: 'EXPIRED' } : { kind: 'ENDED' };
    return {
      kind: 'ACTIVE',
      session: {
        sessionId: result.sessionId,
        customerId: result.customerId,
        cardId: result.cardId,
        createdAt: new Date(result.createdAt),
        lastSeenAt: new Date(result.lastSeenAt),
      },
    };
  }

  /** The idle timeout and the absolute lifetime, in seconds, as the session calls take them. */
  timeouts(): [number, number] {
    return [this.config.sessionTimeoutSeconds, this.config.sessionMaxSeconds];
  }

  /** The arguments every call that checks a session in the database starts with. */
  callArguments(claims: { sessionId: string; customerId: string }, now: Date): unknown[] {
    return [claims.sessionId, claims.customerId, now, ...this.timeouts()];
  }

  expiresAt(session: SessionTimes): Date {
    return sessionEndsAt(session, this.config.sessionTimeoutSeconds, this.config.sessionMaxSeconds);
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
