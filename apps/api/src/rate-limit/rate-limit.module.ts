import { type ExecutionContext, Module } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import { type AppConfig, APP_CONFIG } from '../config';
import { RedisConnection } from '../redis';
import { ADMIN_LOGIN_THROTTLE_KEY, LOGIN_THROTTLE_KEY } from './rate-limit.decorators';
import { RedisThrottlerStorage } from './redis-throttler.storage';

const ONE_MINUTE_MS = 60_000;

function isLoginRoute(context: ExecutionContext): boolean {
  return Reflect.getMetadata(LOGIN_THROTTLE_KEY, context.getHandler()) === true;
}

function isAdminLoginRoute(context: ExecutionContext): boolean {
  return Reflect.getMetadata(ADMIN_LOGIN_THROTTLE_KEY, context.getHandler()) === true;
}

@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [APP_CONFIG, RedisConnection],
      useFactory: (config: AppConfig, redis: RedisConnection) => ({
        throttlers: [
          {
            name: 'login',
            ttl: ONE_MINUTE_MS,
            limit: config.loginRateLimitPerMinute,
            skipIf: (context: ExecutionContext) => !isLoginRoute(context),
          },
          {
            name: 'admin-login',
            ttl: ONE_MINUTE_MS,
            limit: config.loginRateLimitPerMinute,
            skipIf: (context: ExecutionContext) => !isAdminLoginRoute(context),
          },
          {
            name: 'api',
            ttl: ONE_MINUTE_MS,
            limit: config.apiRateLimitPerMinute,
            skipIf: (context: ExecutionContext) =>
              isLoginRoute(context) || isAdminLoginRoute(context),
          },
        ],
        ...(redis.client ? { storage: new RedisThrottlerStorage(redis.client) } : {}),
      }),
    }),
  ],
  exports: [ThrottlerModule],
})
export class RateLimitModule {}
