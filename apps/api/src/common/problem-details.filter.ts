import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  Logger,
} from '@nestjs/common';
import {
  ERROR_STATUS,
  ERROR_TITLES,
  type ErrorCode,
  type FieldError,
  type ProblemDetails,
  problemTypeFor,
} from '@atm/contracts';
import { type FastifyReply, type FastifyRequest } from 'fastify';
import { DomainError, type DomainErrorExtras } from './domain-error';
import {
  busyRowRefusal,
  isDatabaseUnavailableError,
  isLockTimeout,
  loggableError,
} from './database-errors';
import { localizeProblem, pickLanguage } from '../i18n';

interface Mapped {
  code: ErrorCode;
  status: number;
  detail: string;
  extras: DomainErrorExtras;
}

const RETRY_AFTER_UNAVAILABLE_SECONDS = 5;

/** Errors of ioredis/BullMQ when Redis cannot be reached. */
function isRedisUnavailableError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return (
    error.name === 'MaxRetriesPerRequestError' ||
    /Connection is closed|Stream isn't writeable|ECONNREFUSED.*6379|Reached the max retries|redis/i.test(
      error.message,
    )
  );
}

function statusOf(error: unknown): number | undefined {
  if (error instanceof HttpException) return error.getStatus();
  if (typeof error === 'object' && error !== null) {
    const e = error as { statusCode?: unknown; status?: unknown };
    const status = e.statusCode ?? e.status;
    if (typeof status === 'number' && status >= 400 && status < 600) return status;
  }
  return undefined;
}

/** A request the framework could not take as it came: VALIDATION_FAILED, with the one field. */
function malformed(status: 400 | 413, detail: string, error: FieldError): Mapped {
  return { code: 'VALIDATION_FAILED', status, detail, extras: { errors: [error] } };
}

/** SERVICE_UNAVAILABLE, with the Retry-After a client should wait. */
function unavailable(detail: string): Mapped {
  return {
    code: 'SERVICE_UNAVAILABLE',
    status: 503,
    detail,
    extras: { retryAfterSeconds: RETRY_AFTER_UNAVAILABLE_SECONDS },
  };
}

/**
 * Maps any error to the contract's problem details. Known refusals keep their code; HTTP
 * errors raised by the framework (unknown route, malformed or oversized body, rate limit)
 * are given the contract's code; a database or Redis that is down answers 503; anything
 * else is a 500 whose body says nothing about the cause (the log has it).
 */
export function mapError(error: unknown): Mapped {
  if (error instanceof DomainError) {
    return {
      code: error.code,
      status: ERROR_STATUS[error.code],
      detail: error.detail,
      extras: error.extras,
    };
  }
  if (isDatabaseUnavailableError(error) || isRedisUnavailableError(error)) {
    return unavailable('A service the ATM depends on is unavailable. Please try again shortly.');
  }
  const status = statusOf(error);
  switch (status) {
    case 404:
    case 405:
      return { code: 'NOT_FOUND', status: 404, detail: 'No such resource', extras: {} };
    case 413:
      return malformed(413, 'The request body is larger than 16 KiB', {
        field: 'body',
        message: 'must be at most 16384 bytes',
      });
    case 400:
    case 415: {
      const message = error instanceof Error ? error.message : '';
      const detail =
        status === 415
          ? 'The request body must be JSON (Content-Type: application/json)'
          : /JSON|Unexpected|token|prototype|constructor/i.test(message)
            ? 'The request body is not valid JSON'
            : 'The request is not valid';
      return malformed(400, detail, { field: 'body', message: detail });
    }
    case 429:
      return {
        code: 'RATE_LIMITED',
        status: 429,
        detail: 'Too many requests. Please wait before trying again.',
        extras: { retryAfterSeconds: 60 },
      };
    case 401:
      return { code: 'UNAUTHENTICATED', status: 401, detail: 'Sign in first', extras: {} };
    case 503:
      return unavailable('The service is temporarily unavailable');
    case 403:
      // The framework's own refusals (e.g. a static path escaping its root): nothing there.
      return { code: 'NOT_FOUND', status: 404, detail: 'No such resource', extras: {} };
    default:
      if (status !== undefined && status < 500) {
        // Any other client error the framework raises (414, 406, ...) is a malformed request.
        return malformed(400, 'The request is not valid', {
          field: 'request',
          message: 'is not of the documented shape',
        });
      }
      return {
        code: 'INTERNAL_ERROR',
        status: 500,
        detail: 'Something went wrong on our side. No money was moved by this request.',
        extras: {},
      };
  }
}

export function toProblem(mapped: Mapped): ProblemDetails {
  const { retryAfterSeconds: _retryAfter, ...bodyExtras } = mapped.extras;
  return {
    type: problemTypeFor(mapped.code),
    title: ERROR_TITLES[mapped.code],
    status: mapped.status,
    detail: mapped.detail,
    code: mapped.code,
    ...bodyExtras,
  };
}

/**
 * What the filter needs of the web app (`web/web-app.ts` provides it): declared here so that
 * `common/` does not depend on `web/`.
 */
export interface ClientRouteFallback {
  shouldServe(request: FastifyRequest): boolean;
  serve(reply: FastifyReply): void;
}

@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');
  private webApp: ClientRouteFallback | undefined;

  /** Unknown non-API paths answer the web app's index.html instead of a 404. */
  useWebAppFallback(fallback: ClientRouteFallback): void {
    this.webApp = fallback;
  }

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const request = http.getRequest<FastifyRequest>();
    const mapped = mapError(
      isLockTimeout(error)
        ? busyRowRefusal(request?.headers['idempotency-key'] !== undefined)
        : error,
    );
    if (
      mapped.status === 404 &&
      this.webApp?.shouldServe(request) &&
      !(error instanceof DomainError)
    ) {
      this.webApp.serve(reply);
      return;
    }

    if (mapped.status >= 500) {
      // The log gets the cause (without request bodies or SQL parameters); the client never does.
      this.logger.error(
        {
          err: loggableError(error),
          code: mapped.code,
          method: request?.method,
          route: request?.routeOptions?.url,
        },
        'request failed',
      );
    }

    // No `instance`: a path could carry what a person typed, a card number included.
    if (reply.sent) return;
    if (mapped.extras.retryAfterSeconds !== undefined) {
      void reply.header('Retry-After', String(mapped.extras.retryAfterSeconds));
    }
    void reply
      .status(mapped.status)
      .header('Content-Type', 'application/problem+json; charset=utf-8')
      .header('Cache-Control', 'no-store')
      // Title and detail in the request's language; the code never changes.
      .send(
        JSON.stringify(
          localizeProblem(toProblem(mapped), pickLanguage(request?.headers?.['accept-language'])),
        ),
      );
  }
}
