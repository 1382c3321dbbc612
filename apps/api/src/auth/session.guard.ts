import { type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { type Observable } from 'rxjs';
import { isAdminRoute, DomainError, IS_PUBLIC_KEY } from '../common';
import { type FastifyRequest } from 'fastify';
import { type DeferredSessionCheck } from './jwt.strategy';
import { SESSION_CHECKED_BY_CALL_KEY } from './session-checked-by-call';

/**
 * The global guard: every route needs a live session unless it is marked `@Public()`.
 * Passport's failures are turned into the contract's codes. On routes marked
 * `@SessionCheckedByCall()` it verifies the token only; their database call checks the
 * session in the same round trip as the work.
 */
@Injectable()
export class SessionGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override canActivate(
    context: ExecutionContext,
  ): boolean | Promise<boolean> | Observable<boolean> {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    // The admin API has its own sessions (AdminSessionGuard); a customer token is no use there.
    if (isPublic || isAdminRoute(context)) return true;
    const deferred = this.reflector.get<boolean | undefined>(
      SESSION_CHECKED_BY_CALL_KEY,
      context.getHandler(),
    );
    if (deferred) {
      context
        .switchToHttp()
        .getRequest<FastifyRequest & DeferredSessionCheck>().sessionCheckDeferred = true;
    }
    return super.canActivate(context);
  }

  override handleRequest<TUser>(error: unknown, user: TUser, info: unknown): TUser {
    if (error instanceof DomainError) throw error;
    if (error) throw error;
    // jsonwebtoken's TokenExpiredError: the absolute lifetime (exp) has passed.
    if (info instanceof Error && info.name === 'TokenExpiredError') {
      throw new DomainError(
        'SESSION_EXPIRED',
        'The session has expired. Please insert your card again.',
      );
    }
    if (!user) {
      throw new DomainError('UNAUTHENTICATED', 'Sign in with your card and PIN first');
    }
    return user;
  }
}
