import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource } from 'typeorm';
import { type AdminRole } from '@atm/contracts';
import { type SessionCheck, sessionEndsAt, type SessionTimes } from '../../auth';
import { Clock } from '../../common';
import { type Queryable, execute, queryRows } from '../../database';

/** The contract's admin session lifetimes. */
export const ADMIN_SESSION_IDLE_SECONDS = 15 * 60;
export const ADMIN_SESSION_MAX_SECONDS = 8 * 60 * 60;

export type AdminSessionEndReason =
  'LOGOUT' | 'DISABLED' | 'PASSWORD_RESET' | 'ROLE_CHANGED' | 'EXPIRED';

export interface AdminPrincipal extends SessionTimes {
  sessionId: string;
  adminUserId: string;
  username: string;
  /** Read with the session on every request, so a role change applies at once. */
  role: AdminRole;
}

export type AdminTouchResult = SessionCheck<{ principal: AdminPrincipal }>;

interface AdminSessionRow {
  id: string;
  admin_user_id: string;
  created_at: string | Date;
  last_seen_at: string | Date;
  ended_at: string | Date | null;
  end_reason: string | null;
  username: string;
  role: AdminRole;
  disabled: boolean;
  touched_at: string | Date | null;
}

/**
 * Administrators' server-side sessions: the customers' mechanism (a row behind a signed
 * token, one round trip per request, activity kept to the second) in a table of its own, so
 * a customer session can never stand for an admin one or the other way round.
 */
@Injectable()
export class AdminSessionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async start(
    adminUserId: string,
    db: Queryable = this.dataSource,
  ): Promise<{ sessionId: string; createdAt: Date }> {
    const now = this.clock.now();
    const [row] = await queryRows<{ id: string }>(
      db,
      `INSERT INTO admin_sessions (admin_user_id, created_at, last_seen_at) VALUES ($1, $2, $2) RETURNING id`,
      [adminUserId, now],
    );
    return { sessionId: row.id, createdAt: now };
  }

  /**
   * Checks the session and, unless `countsAsActivity` is false (the console's background
   * polling), extends its idle timeout. A disabled administrator's session is over.
   */
  async touch(sessionId: string, countsAsActivity: boolean): Promise<AdminTouchResult> {
    const now = this.clock.now();
    const [row] = await queryRows<AdminSessionRow>(
      this.dataSource,
      `WITH current AS (
         SELECT s.id, s.admin_user_id, s.created_at, s.last_seen_at, s.ended_at, s.end_reason,
                u.username, u.role, u.disabled
           FROM admin_sessions s JOIN admin_users u ON u.id = s.admin_user_id
          WHERE s.id = $1
       ), touched AS (
         UPDATE admin_sessions s SET last_seen_at = $2
           FROM current c
          WHERE s.id = c.id AND $5 AND c.ended_at IS NULL AND NOT c.disabled
            AND c.last_seen_at > $2::timestamptz - make_interval(secs => $3)
            AND c.created_at > $2::timestamptz - make_interval(secs => $4)
            AND c.last_seen_at < $2::timestamptz - interval '1 second'
          RETURNING s.last_seen_at
       )
       SELECT c.*, (SELECT last_seen_at FROM touched) AS touched_at FROM current c`,
      [sessionId, now, ADMIN_SESSION_IDLE_SECONDS, ADMIN_SESSION_MAX_SECONDS, countsAsActivity],
    );
    if (!row || row.disabled) return { kind: 'ENDED' };
    if (row.ended_at !== null)
      return row.end_reason === 'EXPIRED' ? { kind: 'EXPIRED' } : { kind: 'ENDED' };
    const principal: AdminPrincipal = {
      sessionId: row.id,
      adminUserId: row.admin_user_id,
      username: row.username,
      role: row.role,
      createdAt: new Date(row.created_at),
      lastSeenAt: new Date(row.touched_at ?? row.last_seen_at),
    };
    if (this.expiresAt(principal).getTime() <= now.getTime()) {
      await this.end(sessionId, 'EXPIRED');
      return { kind: 'EXPIRED' };
    }
    return { kind: 'ACTIVE', principal };
  }

  expiresAt(session: SessionTimes): Date {
    return sessionEndsAt(session, ADMIN_SESSION_IDLE_SECONDS, ADMIN_SESSION_MAX_SECONDS);
  }

  async end(sessionId: string, reason: AdminSessionEndReason): Promise<void> {
    await execute(
      this.dataSource,
      `UPDATE admin_sessions SET ended_at = $2, end_reason = $3 WHERE id = $1 AND ended_at IS NULL`,
      [sessionId, this.clock.now(), reason],
    );
  }

  endAllForUser(
    adminUserId: string,
    reason: AdminSessionEndReason,
    db: Queryable = this.dataSource,
  ): Promise<number> {
    return execute(
      db,
      `UPDATE admin_sessions SET ended_at = $2, end_reason = $3 WHERE admin_user_id = $1 AND ended_at IS NULL`,
      [adminUserId, this.clock.now(), reason],
    );
  }
}
