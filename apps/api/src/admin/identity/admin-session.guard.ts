import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { type FastifyRequest } from 'fastify';
import { DomainError, isAdminRoute, IS_PUBLIC_KEY } from '../../common';
import { type AdminPrincipal, AdminSessionsService } from './admin-sessions.service';
import { AdminTokens } from './admin-tokens';

export type AdminRequest = FastifyRequest & { admin?: AdminPrincipal };

/**
 * Authentication of the admin API (the customers' SessionGuard leaves these routes alone):
 * an admin token and a live admin session, or 401. `X-Background-Refresh: 1` is checked like
 * any request but does not count as activity.
 */
@Injectable()
export class AdminSessionGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: AdminTokens,
    private readonly sessions: AdminSessionsService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (!isAdminRoute(context)) return true;
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (isPublic) return true;
    const request = context.switchToHttp().getRequest<AdminRequest>();
    const header = request.headers.authorization;
    const token = typeof header === 'string' ? /^Bearer (\S+)$/i.exec(header)?.[1] : undefined;
    const background = request.headers['x-background-refresh'] === '1';
    request.admin = await this.authenticate(token, !background);
    return true;
  }

  /** The principal behind a bearer token, or the contract's 401. */
  private async authenticate(
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
