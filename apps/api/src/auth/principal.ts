import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { type FastifyRequest } from 'fastify';

/** Who is signed in, as the session guard found them for this request. */
export interface Principal {
  sessionId: string;
  customerId: string;
  cardId: string;
  cardLast4: string;
  createdAt: Date;
  lastSeenAt: Date;
}

export const CurrentPrincipal = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Principal => {
    const request = context.switchToHttp().getRequest<FastifyRequest & { user?: Principal }>();
    if (!request.user) {
      // The guard runs first on every non-public route; reaching here is a wiring bug.
      throw new Error('CurrentPrincipal used on a route without the session guard');
    }
    return request.user;
  },
);
