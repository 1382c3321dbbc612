import { applyDecorators, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { type AdminRole } from '@atm/contracts';
import { type FastifyReply } from 'fastify';
import { ApiIdempotencyKeyHeader, RequiresRole } from '../../common';
import { type AdminAnswer } from './admin-idempotency';

/**
 * An admin POST that changes something once per Idempotency-Key (through AdminIdempotency):
 * the least role it needs, its path, the status of its answer and its summary.
 */
export function IdempotentAdminPost(
  role: AdminRole,
  path: string,
  status: 200 | 201,
  summary: string,
): MethodDecorator {
  return applyDecorators(
    RequiresRole(role),
    Post(path),
    HttpCode(status),
    ApiIdempotencyKeyHeader(),
    ApiOperation({ summary }),
  );
}

/** An admin GET: the least role it needs, its path and its summary. */
export function AdminGet(role: AdminRole, path: string, summary: string): MethodDecorator {
  return applyDecorators(RequiresRole(role), Get(path), ApiOperation({ summary }));
}

/** An admin POST whose repeat leaves the same state (freeze, block...): 200, and no key. */
export function AdminActionPost(role: AdminRole, path: string, summary: string): MethodDecorator {
  return applyDecorators(RequiresRole(role), Post(path), HttpCode(200), ApiOperation({ summary }));
}

/** Sends a recorded answer: the same status and body the first time and on every replay. */
export function sendAdminAnswer(reply: FastifyReply, answer: AdminAnswer): unknown {
  void reply.status(answer.status).header('Cache-Control', 'no-store');
  if (answer.status >= 400)
    void reply.header('Content-Type', 'application/problem+json; charset=utf-8');
  if (answer.replayed) void reply.header('Idempotent-Replayed', 'true');
  return answer.body;
}
