import {
  type CanActivate,
  createParamDecorator,
  type ExecutionContext,
  Injectable,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ADMIN_ROLES, type AdminRole } from '@atm/contracts';
import {
  type AdminActor,
  isAdminRoute,
  requiredAdminRole,
  DomainError,
  IS_PUBLIC_KEY,
} from '../../common';
import { type AdminRequest } from './admin-session.guard';
import { type AdminPrincipal } from './admin-sessions.service';

/** VIEWER < OPERATOR < ADMIN: a role allows what every lower role allows. */
export function roleAllows(held: AdminRole, needed: AdminRole): boolean {
  return ADMIN_ROLES.indexOf(held) >= ADMIN_ROLES.indexOf(needed);
}

/**
 * After authentication, before the shape of the request: the route's `@RequiresRole`, or
 * 403 FORBIDDEN. An admin route without one is refused to everybody (closed by default).
 */
@Injectable()
export class AdminRoleGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (!isAdminRoute(context)) return true;
    if (
      this.reflector.getAllAndOverride<boolean>(IS_PUBLIC_KEY, [
        context.getHandler(),
        context.getClass(),
      ])
    )
      return true;
    const admin = context.switchToHttp().getRequest<AdminRequest>().admin;
    const needed = requiredAdminRole(context);
    if (!admin || !needed || !roleAllows(admin.role, needed)) {
      throw new DomainError('FORBIDDEN', `This action needs the ${needed ?? 'a different'} role`);
    }
    return true;
  }
}

/**
 * The administrator behind the request as the audit trail records an act: the user name and
 * the address the request came from.
 */
export const ActingAdmin = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AdminActor => {
    const request = context.switchToHttp().getRequest<AdminRequest>();
    if (!request.admin)
      throw new Error('ActingAdmin used on a route without the admin session guard');
    return { actor: request.admin.username, clientIp: request.ip };
  },
);

export const CurrentAdmin = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AdminPrincipal => {
    const admin = context.switchToHttp().getRequest<AdminRequest>().admin;
    // The admin guards run first on every non-public admin route; reaching here is a wiring bug.
    if (!admin) throw new Error('CurrentAdmin used on a route without the admin session guard');
    return admin;
  },
);
