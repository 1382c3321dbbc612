import { SetMetadata } from '@nestjs/common';

export const LOGIN_THROTTLE_KEY = 'atm:loginThrottle';

/** Marks the sign-in route: it is limited by LOGIN_RATE_LIMIT_PER_MINUTE instead of the API limit. */
export const LoginThrottle = (): MethodDecorator => SetMetadata(LOGIN_THROTTLE_KEY, true);

export const ADMIN_LOGIN_THROTTLE_KEY = 'atm:adminLoginThrottle';

/**
 * Marks the admin sign-in route: its own limit (LOGIN_RATE_LIMIT_PER_MINUTE per client IP,
 * shared through Redis), counted apart from the ATM's sign-ins and the rest of the API.
 */
export const AdminLoginThrottle = (): MethodDecorator =>
  SetMetadata(ADMIN_LOGIN_THROTTLE_KEY, true);
