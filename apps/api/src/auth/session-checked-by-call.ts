import {
  type CallHandler,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
  SetMetadata,
} from '@nestjs/common';
import { type FastifyRequest } from 'fastify';
import { catchError, from, mergeMap, type Observable } from 'rxjs';
import { mapError } from '../common';
import { type RequestUser } from './principal';
import { sessionRefused, SessionsService } from './sessions.service';

export const SESSION_CHECKED_BY_CALL_KEY = 'atm:sessionCheckedByCall';

/**
 * Answers 401 before 400 on routes whose session is checked by their database call. The
 * token itself was verified by the guard, so a request only gets here with a token this
 * API signed; but the session behind it may have ended. When such a request fails its shape
 * check (400), the session is checked first, so a dead session still answers 401 as the
 * contract's order says. Only that failure path pays the extra round trip. Registered
 * globally; it acts only on requests whose session check was deferred.
 */
@Injectable()
export class SessionBeforeShapeInterceptor implements NestInterceptor {
  constructor(private readonly sessions: SessionsService) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest & { user?: RequestUser }>();
    return next.handle().pipe(
      catchError((error: unknown) => {
        const user = request.user;
        const deferred = user !== undefined && 'sessionCheckDeferred' in user;
        if (!deferred || mapError(error).code !== 'VALIDATION_FAILED') throw error;
        return from(this.sessions.touch(user.sessionId, user.customerId)).pipe(
          mergeMap((result) => {
            if (result.kind === 'EXPIRED') throw sessionRefused('SESSION_EXPIRED');
            if (result.kind === 'ENDED') throw sessionRefused('UNAUTHENTICATED');
            throw error;
          }),
        );
      }),
    );
  }
}

/**
 * The handler's single database call checks the session (atm_session_v1 inside it), so the
 * guard checks only the token: one round trip for the whole request instead of two.
 */
export const SessionCheckedByCall = (): MethodDecorator =>
  SetMetadata(SESSION_CHECKED_BY_CALL_KEY, true);
