import { Injectable } from '@nestjs/common';
import { type AdminLoginRequest, type AdminLoginResponse } from '@atm/contracts';
import { AuditService } from '../../audit';
import { AdminCredentialCheck } from './admin-credential-check';
import { AdminLoginAttempts } from './admin-login-attempts';
import { type AdminPrincipal, AdminSessionsService } from './admin-sessions.service';
import { AdminTokens } from './admin-tokens';
import { AdminUsersService } from './admin-users.service';

/**
 * Admin sign-in and sign-out. Every failure (unknown or disabled user, wrong password, the
 * demo admin away from loopback, a missing, wrong or reused code) gives the same answer after
 * the same work: one argon2 verification, real or against a dummy hash.
 */
@Injectable()
export class AdminAuthService {
  constructor(
    private readonly users: AdminUsersService,
    private readonly check: AdminCredentialCheck,
    private readonly attempts: AdminLoginAttempts,
    private readonly sessions: AdminSessionsService,
    private readonly tokens: AdminTokens,
    private readonly audit: AuditService,
  ) {}

  async login(request: AdminLoginRequest, clientIp: string): Promise<AdminLoginResponse> {
    const pair = { username: request.username, clientIp };
    const locked = await this.attempts.lock(pair);
    if (locked) throw locked;

    const user = await this.users.findByUsername(request.username);
    const reason = await this.check.refusalReason(user, request, clientIp);
    if (reason !== null || !user) throw await this.attempts.failed(pair, reason ?? 'UNKNOWN_USER');

    await this.attempts.clear(pair);
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
}
