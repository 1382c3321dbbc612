import { type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DomainError, mapError, toProblem, NetworkAllowlist, requestPath } from '../common';

/** The console and its API: `/admin` (the web console) and `/api/v1/admin/`. */
export function isAdminPath(url: string): boolean {
  // Absolute-form request lines (`GET http://host/admin`) are judged by their path too.
  const path = requestPath(url).toLowerCase();
  return (
    path === '/admin' ||
    path.startsWith('/admin/') ||
    path === '/api/v1/admin' ||
    path.startsWith('/api/v1/admin/')
  );
}

/**
 * ADMIN_ALLOWLIST: outside the listed networks the console and its API do not exist (404,
 * the same answer as an unknown route), before rate limits, authentication or anything else.
 */
export function registerAdminAllowlist(
  app: NestFastifyApplication,
  entries: readonly string[],
): void {
  const allowlist = new NetworkAllowlist(entries);
  if (allowlist.isEmpty) return;
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', async (request, reply) => {
      if (!isAdminPath(request.url) || allowlist.allows(request.ip)) return;
      await reply
        .status(404)
        .header('Content-Type', 'application/problem+json; charset=utf-8')
        .header('Cache-Control', 'no-store')
        .send(toProblem(mapError(new DomainError('NOT_FOUND', 'No such resource'))));
    });
}
