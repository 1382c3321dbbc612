// The Redis module's public surface.
export { RedisConnection, RedisModule } from './redis.module';
