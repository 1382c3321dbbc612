import {
  type CallHandler,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
} from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/internal';
import { type FastifyRequest } from 'fastify';
import { type Observable } from 'rxjs';
import { validationFailed } from './domain-error';
import { inheritedKeysOf } from './inherited-keys';

/** Whether the handler takes a `@Query()` argument (whose DTO the pipe then checks). */
function takesQuery(context: ExecutionContext): boolean {
  const args = Reflect.getMetadata(
    ROUTE_ARGS_METADATA,
    context.getClass(),
    context.getHandler().name,
  ) as Record<string, unknown> | undefined;
  return Object.keys(args ?? {}).some((key) => key.split(':')[0] === String(RouteParamtypes.QUERY));
}

/**
 * An unknown query parameter is 400 VALIDATION_FAILED (contract, Hardening): on a route
 * without a query every parameter is unknown; on a route with one, the pipe refuses fields
 * its DTO lacks and this refuses the inherited names (`inheritedKeysOf`) the pipe cannot
 * see. An interceptor runs after the guards, so the contract's order (429, 401 before 400)
 * holds.
 */
@Injectable()
export class QueryParametersInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() === 'http') {
      const query = context.switchToHttp().getRequest<FastifyRequest>().query;
      const object = typeof query === 'object' && query !== null ? query : {};
      const unknown = takesQuery(context) ? inheritedKeysOf(object) : Object.keys(object);
      if (unknown.length > 0) {
        throw validationFailed(
          unknown.map((key) => ({ field: key, message: 'is not an allowed query parameter' })),
        );
      }
    }
    return next.handle();
  }
}
