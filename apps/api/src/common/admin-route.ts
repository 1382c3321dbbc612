import { applyDecorators, type ExecutionContext, SetMetadata } from '@nestjs/common';
import { type AdminRole } from '@atm/contracts';

export const ADMIN_ROUTE_KEY = 'atm:adminRoute';
export const ADMIN_ROLE_KEY = 'atm:adminRole';

/**
 * Marks a controller as part of the admin API: its routes take admin sessions only (never a
 * customer's), are never stopped by maintenance, and need a role (`@RequiresRole`).
 */
export const AdminApi = (): ClassDecorator => SetMetadata(ADMIN_ROUTE_KEY, true);

/** The least role a route of the admin API needs; a lower one answers 403 FORBIDDEN. */
export const RequiresRole = (role: AdminRole): MethodDecorator =>
  applyDecorators(SetMetadata(ADMIN_ROLE_KEY, role));

/** Decided from the matched route's controller, never from the request line. */
export function isAdminRoute(context: ExecutionContext): boolean {
  return Reflect.getMetadata(ADMIN_ROUTE_KEY, context.getClass()) === true;
}

export function requiredAdminRole(context: ExecutionContext): AdminRole | undefined {
  return Reflect.getMetadata(ADMIN_ROLE_KEY, context.getHandler()) as AdminRole | undefined;
}
