import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { type FastifyRequest } from 'fastify';
import { isAdminRoute, IS_PUBLIC_KEY } from '../../common';
import { AdminAuthService } from './admin-auth.service';
import { type AdminPrincipal } from './admin-sessions.service';

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
    private readonly auth: AdminAuthService,
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
    request.admin = await this.auth.authenticate(token, !background);
    return true;
  }
}
