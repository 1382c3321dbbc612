import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { type FastifyRequest } from 'fastify';

/**
 * What a verified bearer token says (signature, algorithm, issuer, audience and lifetime
 * checked): whose session it names. On routes marked `@SessionCheckedByCall()` the guard
 * stops here, and the database call that does the work checks the session itself.
 */
export interface SessionClaims {
  sessionId: string;
  customerId: string;
  cardLast4: string;
}

/** Who is signed in, once the server-side session was found alive for this request. */
export interface Principal extends SessionClaims {
  cardId: string;
  createdAt: Date;
  lastSeenAt: Date;
}

/** `request.user`: a principal, or only the token's claims where the check is deferred. */
export type RequestUser = Principal | (SessionClaims & { sessionCheckDeferred: true });

function requestUser(context: ExecutionContext): RequestUser {
  const request = context.switchToHttp().getRequest<FastifyRequest & { user?: RequestUser }>();
  if (!request.user) {
    // The guard runs first on every non-public route; reaching here is a wiring bug.
    throw new Error('the session guard did not run on this route');
  }
  return request.user;
}

export const CurrentPrincipal = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Principal => {
    const user = requestUser(context);
    if ('sessionCheckDeferred' in user) {
      throw new Error('CurrentPrincipal used on a route whose session is checked by its call');
    }
    return user;
  },
);

/** The token's claims; the handler's database call must check the session. */
export const CurrentSessionClaims = createParamDecorator(
  (_data: unknown, context: ExecutionContext): SessionClaims => {
    const { sessionId, customerId, cardLast4 } = requestUser(context);
    return { sessionId, customerId, cardLast4 };
  },
);
