import { type FastifyReply } from 'fastify';
import { type AdminAnswer } from './admin-idempotency';

export const IDEMPOTENCY_HEADER_DOC = {
  name: 'Idempotency-Key',
  required: true,
  description: '1 to 255 characters of [A-Za-z0-9_.:-]; the same key replays the first answer',
};

/** Sends a recorded answer: the same status and body the first time and on every replay. */
export function sendAdminAnswer(reply: FastifyReply, answer: AdminAnswer): unknown {
  void reply.status(answer.status).header('Cache-Control', 'no-store');
  if (answer.status >= 400)
    void reply.header('Content-Type', 'application/problem+json; charset=utf-8');
  if (answer.replayed) void reply.header('Idempotent-Replayed', 'true');
  return answer.body;
}
