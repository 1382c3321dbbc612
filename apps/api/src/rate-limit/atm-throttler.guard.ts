import { type ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerLimitDetail } from '@nestjs/throttler';
import { type FastifyRequest } from 'fastify';
import { DomainError } from '../common/domain-error';

/**
 * Per client IP (as TRUST_PROXY lets Fastify see it), on `/api/v1` only: `/health`,
 * `/ready`, `/metrics` and the web app are never limited here.
 */
@Injectable()
export class AtmThrottlerGuard extends ThrottlerGuard {
  protected override async shouldSkip(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    return !request.url.startsWith('/api/');
  }

  protected override async getTracker(request: Record<string, unknown>): Promise<string> {
    return String((request as unknown as FastifyRequest).ip);
  }

  protected override async throwThrottlingException(
    _context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    const retryAfterSeconds = Math.max(1, detail.timeToBlockExpire || detail.timeToExpire);
    throw new DomainError(
      'RATE_LIMITED',
      `Too many requests. Try again in ${retryAfterSeconds} seconds.`,
      {
        retryAfterSeconds,
      },
    );
  }
}
