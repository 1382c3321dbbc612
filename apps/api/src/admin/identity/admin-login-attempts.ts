import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource } from 'typeorm';
import { AuditService } from '../../audit';
import { Clock, DomainError } from '../../common';
import { type AppConfig, APP_CONFIG } from '../../config';
import { execute, queryRows } from '../../database';
import { type AdminRefusalReason } from './admin-credential-check';

/** The contract's number: 5 consecutive failures lock a (user name, client address) pair. */
const ADMIN_MAX_FAILED_SIGN_INS = 5;

/** Who tried to sign in: the name as typed and the client's address. */
interface SignInPair {
  username: string;
  clientIp: string;
}

function adminLocked(lockedUntil: Date): DomainError {
  return new DomainError(
    'ADMIN_LOCKED',
    `Too many failed sign-ins from this address. Try again after ${lockedUntil.toISOString()}.`,
    { lockedUntil: lockedUntil.toISOString() },
  );
}

/**
 * The admin sign-in lockout of a (user name, client address) pair, and the audit event of
 * every failed or refused admin sign-in. Each method that refuses answers the error for the
 * caller to throw: the same answer, whatever the reason, so a failure tells nothing.
 */
@Injectable()
export class AdminLoginAttempts {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  /** The pair's lock, if one is in force now: refused (and audited) before any other work. */
  async lock(pair: SignInPair): Promise<DomainError | undefined> {
    const [row] = await queryRows<{ locked_until: string | Date | null }>(
      this.dataSource,
      `SELECT locked_until FROM admin_login_attempts WHERE username = $1 AND client_ip = $2 AND locked_until > $3`,
      [pair.username, pair.clientIp, this.clock.now()],
    );
    if (!row?.locked_until) return undefined;
    await this.auditFailure(pair, 'LOCKED');
    return adminLocked(new Date(row.locked_until));
  }

  /**
   * Counts one failure in a single guarded statement, so concurrent failures never buy more
   * tries than the maximum. A lock that has run out starts the count again from one; the
   * failure that reaches the maximum locks the pair.
   */
  async failed(pair: SignInPair, reason: AdminRefusalReason): Promise<DomainError> {
    const now = this.clock.now();
    const [row] = await queryRows<{ failed_attempts: number; locked_until: string | Date | null }>(
      this.dataSource,
      `INSERT INTO admin_login_attempts AS a (username, client_ip, failed_attempts, locked_until, updated_at)
       VALUES ($1, $2, 1, NULL, $3)
       ON CONFLICT (username, client_ip) DO UPDATE SET
         failed_attempts = CASE WHEN a.locked_until IS NOT NULL AND a.locked_until <= $3 THEN 1
                                ELSE a.failed_attempts + 1 END,
         locked_until = CASE
           WHEN a.locked_until > $3 THEN a.locked_until
           WHEN (CASE WHEN a.locked_until IS NOT NULL AND a.locked_until <= $3 THEN 1 ELSE a.failed_attempts + 1 END) >= $4
             THEN $3::timestamptz + make_interval(secs => $5)
           ELSE NULL END,
         updated_at = $3
       RETURNING failed_attempts, locked_until`,
      [
        pair.username,
        pair.clientIp,
        now,
        ADMIN_MAX_FAILED_SIGN_INS,
        this.config.lockoutDurationSeconds,
      ],
    );
    await this.auditFailure(pair, reason);
    const lockedUntil = row?.locked_until ? new Date(row.locked_until) : null;
    if (lockedUntil && lockedUntil > now) return adminLocked(lockedUntil);
    return new DomainError(
      'INVALID_CREDENTIALS',
      'The user name, password or one-time code is not correct.',
      {
        attemptsRemaining: Math.max(ADMIN_MAX_FAILED_SIGN_INS - (row?.failed_attempts ?? 1), 0),
      },
    );
  }

  /** A successful sign-in resets the pair's count. */
  async clear(pair: SignInPair): Promise<void> {
    await execute(
      this.dataSource,
      `DELETE FROM admin_login_attempts WHERE username = $1 AND client_ip = $2`,
      [pair.username, pair.clientIp],
    );
  }

  private auditFailure(pair: SignInPair, reason: AdminRefusalReason | 'LOCKED'): Promise<void> {
    return this.audit.record({
      type: 'ADMIN_LOGIN_FAILED',
      outcome: reason === 'LOCKED' ? 'REFUSED' : 'FAILURE',
      actorType: 'ANONYMOUS',
      clientIp: pair.clientIp,
      // The name as typed (bounded by the request's shape), never the password or code.
      details: { username: pair.username, reason },
    });
  }
}
