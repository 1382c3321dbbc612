import { SetMetadata } from '@nestjs/common';

export const LOGIN_THROTTLE_KEY = 'atm:loginThrottle';

/** Marks the sign-in route: it is limited by LOGIN_RATE_LIMIT_PER_MINUTE instead of the API limit. */
export const LoginThrottle = (): MethodDecorator => SetMetadata(LOGIN_THROTTLE_KEY, true);
