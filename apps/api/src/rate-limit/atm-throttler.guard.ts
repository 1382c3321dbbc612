import { type ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerLimitDetail } from '@nestjs/throttler';
import { type FastifyRequest } from 'fastify';
import { DomainError, isApiPath, matchedRoute } from '../common';

/**
 * Per client IP (as TRUST_PROXY lets Fastify see it), on `/api/` routes only: `/health`,
 * `/ready`, `/metrics` and the web app are never limited here. Decided from the matched
 * route, so an absolute-form request line is counted like origin form.
 */
@Injectable()
export class AtmThrottlerGuard extends ThrottlerGuard {
  protected override async shouldSkip(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const route = matchedRoute(request);
    return route === undefined || !isApiPath(route);
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
