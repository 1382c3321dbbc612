// The rate-limit module's public surface: other modules import from here, never a file inside.
export { AtmThrottlerGuard } from './atm-throttler.guard';
export { AdminLoginThrottle, LoginThrottle } from './rate-limit.decorators';
export { RateLimitModule } from './rate-limit.module';
