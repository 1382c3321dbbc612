import { randomUUID } from 'node:crypto';
import { type IncomingMessage } from 'node:http';

const REQUEST_ID = /^[A-Za-z0-9_.:-]{1,128}$/;

/** A caller's well-formed X-Request-Id is kept (to follow a request across services); otherwise a UUID. */
export function requestIdFor(request: IncomingMessage): string {
  const incoming = request.headers['x-request-id'];
  return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
}
