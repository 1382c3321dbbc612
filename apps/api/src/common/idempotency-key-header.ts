import { ApiHeader } from '@nestjs/swagger';

/**
 * Documents the Idempotency-Key header of a route that changes something once per key (the
 * customer's money movements and the admin console's changes answer it the same way).
 */
export function ApiIdempotencyKeyHeader(): MethodDecorator {
  return ApiHeader({
    name: 'Idempotency-Key',
    required: true,
    description: '1 to 255 characters of [A-Za-z0-9_.:-]; the same key replays the first answer',
  });
}
