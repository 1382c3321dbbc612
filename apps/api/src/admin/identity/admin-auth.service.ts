import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource } from 'typeorm';
import { type AdminLoginRequest, type AdminLoginResponse } from '@atm/contracts';
import { AuditService } from '../../audit';
import { Clock, DomainError, isLoopbackAddress } from '../../common';
import { type AppConfig, APP_CONFIG } from '../../config';
import { AdminCredentials } from './admin-credentials';
import {
  type AdminFailureOutcome,
  adminLockedUntil,
  clearAdminFailures,
  recordAdminFailure,
} from './admin-login-attempts';
import { type AdminPrincipal, AdminSessionsService } from './admin-sessions.service';
import { AdminTokens } from './admin-tokens';
import { type AdminUserRecord, AdminUsersService } from './admin-users.service';
import { matchTotpStep } from './totp';

type FailureReason =
  | 'UNKNOWN_USER'
  | 'DISABLED'
  | 'WRONG_PASSWORD'
  | 'DEMO_NOT_LOOPBACK'
  | 'TOTP_MISSING'
  | 'TOTP_WRONG'
  | 'TOTP_REUSED'
  | 'TOTP_NOT_ENROLLED';

function adminLocked(lockedUntil: Date): DomainError {
  return new DomainError(
    'ADMIN_LOCKED',
    `Too many failed sign-ins from this address. Try again after ${lockedUntil.toISOString()}.`,
    { lockedUntil: lockedUntil.toISOString() },
  );
}

function failureAnswer(outcome: AdminFailureOutcome): DomainError {
  if (outcome.kind === 'LOCKED') return adminLocked(outcome.lockedUntil);
  return new DomainError(
    'INVALID_CREDENTIALS',
    'The user name, password or one-time code is not correct.',
    {
      attemptsRemaining: outcome.attemptsRemaining,
    },
  );
}

/**
 * Admin sign-in and sign-out. Every failure (unknown or disabled user, wrong password, the
 * demo admin away from loopback, a missing, wrong or reused code) gives the same answer after
 * the same work: one argon2 verification, real or against a dummy hash.
 */
@Injectable()
export class AdminAuthService {
  private readonly logger = new Logger('AdminAuth');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly credentials: AdminCredentials,
    private readonly users: AdminUsersService,
    private readonly sessions: AdminSessionsService,
    private readonly tokens: AdminTokens,
    private readonly audit: AuditService,
  ) {}

  async login(request: AdminLoginRequest, clientIp: string): Promise<AdminLoginResponse> {
    const pair = { username: request.username, clientIp };
    const lockedUntil = await adminLockedUntil(this.dataSource, { ...pair, now: this.clock.now() });
    if (lockedUntil) {
      await this.auditFailure(request.username, clientIp, 'LOCKED');
      throw adminLocked(lockedUntil);
    }

    const user = await this.users.findByUsername(request.username);
    const passwordMatches = user
      ? await this.credentials.passwords.verify(user.passwordHash, request.password)
      : await this.credentials.passwords.verifyAgainstDummy(request.password);
    const reason = user
      ? await this.refusalReason(user, passwordMatches, request.totp, clientIp)
      : 'UNKNOWN_USER';

    if (reason !== null || !user) {
      const outcome = await recordAdminFailure(this.dataSource, {
        ...pair,
        now: this.clock.now(),
        lockoutSeconds: this.config.lockoutDurationSeconds,
      });
      await this.auditFailure(request.username, clientIp, reason ?? 'UNKNOWN_USER');
      throw failureAnswer(outcome);
    }

    await clearAdminFailures(this.dataSource, pair);
    const session = await this.sessions.start(user.id);
    const token = await this.tokens.sign({ sub: user.id, sid: session.sessionId });
    await this.audit.record({
      type: 'ADMIN_LOGIN',
      outcome: 'SUCCESS',
      actorType: 'ADMIN',
      actor: user.username,
      clientIp,
      details: { sessionId: session.sessionId },
    });
    return {
      token,
      expiresAt: this.sessions
        .expiresAt({ createdAt: session.createdAt, lastSeenAt: session.createdAt })
        .toISOString(),
      admin: { username: user.username, role: user.role },
    };
  }

  /**
   * Why a known user may not sign in, or null. The code is checked last and its step is
   * claimed only when everything else is right, so a wrong password never burns a code.
   */
  private async refusalReason(
    user: AdminUserRecord,
    passwordMatches: boolean,
    totp: string | undefined,
    clientIp: string,
  ): Promise<FailureReason | null> {
    if (!passwordMatches) return 'WRONG_PASSWORD';
    if (user.disabled) return 'DISABLED';
    if (user.isDemo && !isLoopbackAddress(clientIp)) return 'DEMO_NOT_LOOPBACK';
    if (user.totpSecretSealed === null) {
      return this.config.adminTotpRequired ? 'TOTP_NOT_ENROLLED' : null;
    }
    if (totp === undefined) return 'TOTP_MISSING';
    let secret: string;
    try {
      secret = this.credentials.totpSecrets.open(user.totpSecretSealed);
    } catch {
      // Sealed under another ADMIN_TOTP_KEY (or altered): no code can match; say so once per try.
      this.logger.warn(`the TOTP secret of an administrator does not open with ADMIN_TOTP_KEY`);
      return 'TOTP_WRONG';
    }
    const step = matchTotpStep(secret, totp, this.clock.now());
    if (step === null) return 'TOTP_WRONG';
    return (await this.users.claimTotpStep(user.id, step)) ? null : 'TOTP_REUSED';
  }

  private auditFailure(
    username: string,
    clientIp: string,
    reason: FailureReason | 'LOCKED',
  ): Promise<void> {
    return this.audit.record({
      type: 'ADMIN_LOGIN_FAILED',
      outcome: reason === 'LOCKED' ? 'REFUSED' : 'FAILURE',
      actorType: 'ANONYMOUS',
      clientIp,
      // The name as typed (bounded by the request's shape), never the password or code.
      details: { username, reason },
    });
  }

  async logout(principal: AdminPrincipal, clientIp: string): Promise<void> {
    await this.sessions.end(principal.sessionId, 'LOGOUT');
    await this.audit.record({
      type: 'ADMIN_LOGOUT',
      outcome: 'SUCCESS',
      actorType: 'ADMIN',
      actor: principal.username,
      clientIp,
      details: { sessionId: principal.sessionId },
    });
  }

  /** The principal behind a bearer token, or the contract's 401. */
  async authenticate(
    token: string | undefined,
    countsAsActivity: boolean,
  ): Promise<AdminPrincipal> {
    const claims = token ? await this.tokens.verify(token) : null;
    if (!claims) throw new DomainError('UNAUTHENTICATED', 'Sign in as an administrator first');
    const result = await this.sessions.touch(claims.sid, countsAsActivity);
    if (result.kind === 'EXPIRED')
      throw new DomainError(
        'SESSION_EXPIRED',
        'The admin session has expired. Please sign in again.',
      );
    if (result.kind === 'ENDED' || result.principal.adminUserId !== claims.sub)
      throw new DomainError(
        'UNAUTHENTICATED',
        'The admin session has ended. Please sign in again.',
      );
    return result.principal;
  }
}
