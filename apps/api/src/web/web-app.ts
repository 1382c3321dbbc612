import fastifyStatic from '@fastify/static';
import { Logger } from '@nestjs/common';
import { type NestFastifyApplication } from '@nestjs/platform-fastify';
import { existsSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { type FastifyReply, type FastifyRequest } from 'fastify';
import { type ClientRouteFallback, requestPath } from '../common';

/** index.html names the current hashed assets: never kept by a browser or a proxy. */
const NEVER_CACHE = 'no-cache, no-store, must-revalidate';
/** Assets carry their content hash in the name, so a given URL never changes. */
const CACHE_FOREVER = 'public, max-age=31536000, immutable';

/** The admin console's page: `/admin` and every path below it (its client-side routes). */
const CONSOLE_PATH = '/admin';
const CONSOLE_PAGE = join('admin', 'index.html');
const ATM_PAGE = 'index.html';

/** Paths that belong to the server and never fall back to the web app. */
const SERVER_PREFIXES = ['/api/', '/api', '/health', '/ready', '/metrics', '/docs'];

export function webDistDirectory(): string {
  return resolve(process.env.WEB_DIST_DIR ?? join(process.cwd(), 'dist', 'apps', 'web'));
}

/** Origin form whatever the request line: `GET http://host/api/v1/nope` is an API 404. */
function pathOf(request: FastifyRequest): string {
  return requestPath(request.url).toLowerCase();
}

/** `/admin` and `/admin/...`, but not `/administrator`. */
export function isConsolePath(path: string): boolean {
  return path === CONSOLE_PATH || path.startsWith(`${CONSOLE_PATH}/`);
}

/**
 * Serves the compiled web app from the same Fastify server: hashed assets cached for a
 * year as immutable, the HTML pages never cached, and every other path that is not the
 * server's own and has no file extension answers a page (client-side routes): the admin
 * console's `admin/index.html` under `/admin`, the ATM's `index.html` everywhere else. The two
 * pages load separate bundles, so the ATM never loads the console's code.
 */
export class WebAppFallback implements ClientRouteFallback {
  constructor(private readonly root: string) {}

  shouldServe(request: FastifyRequest): boolean {
    if (request.method !== 'GET' && request.method !== 'HEAD') return false;
    const path = pathOf(request);
    if (
      SERVER_PREFIXES.some(
        (prefix) =>
          path === prefix ||
          path.startsWith(`${prefix}/`) ||
          (prefix.endsWith('/') && path.startsWith(prefix)),
      )
    ) {
      return false;
    }
    const lastSegment = path.split('/').pop() ?? '';
    return !lastSegment.includes('.');
  }

  serve(reply: FastifyReply): void {
    const page = isConsolePath(pathOf(reply.request)) ? CONSOLE_PAGE : ATM_PAGE;
    void reply.status(200).header('Cache-Control', NEVER_CACHE).sendFile(page, this.root);
  }
}

export async function registerWebApp(
  app: NestFastifyApplication,
): Promise<WebAppFallback | undefined> {
  const root = webDistDirectory();
  if (!existsSync(join(root, ATM_PAGE))) {
    new Logger('WebApp').warn(
      `No web build in ${root}: run "npm run build" to serve the ATM screen`,
    );
    return undefined;
  }
  await app.register(fastifyStatic, {
    root,
    prefix: '/',
    wildcard: false,
    index: false,
    // @fastify/static's own Cache-Control (max-age=0) is replaced by ours.
    cacheControl: false,
    setHeaders: (res, filePath) => {
      if (filePath.startsWith(`${join(root, 'assets')}${sep}`)) {
        res.header('Cache-Control', CACHE_FOREVER);
      } else if (filePath === join(root, ATM_PAGE) || filePath === join(root, CONSOLE_PAGE)) {
        res.header('Cache-Control', NEVER_CACHE);
      } else {
        res.header('Cache-Control', 'no-cache');
      }
    },
  });
  return new WebAppFallback(root);
}
