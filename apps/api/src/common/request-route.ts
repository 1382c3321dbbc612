import { type FastifyRequest } from 'fastify';

/**
 * What guards and hooks decide from. `request.url` is the raw request target: a proxy-style
 * absolute form (`POST http://host/api/v1/...`) reaches the same route as origin form but
 * fails every `url.startsWith('/api/')`, so decisions use the route Fastify matched.
 */

type RoutedRequest = Pick<FastifyRequest, 'url'> & {
  routeOptions?: Partial<Pick<FastifyRequest['routeOptions'], 'url'>>;
};

/** The pattern of the matched route (`/api/v1/accounts/:id`); undefined when none matched. */
export function matchedRoute(request: RoutedRequest): string | undefined {
  return request.routeOptions?.url;
}

/**
 * The path of the request target in origin form, without the query, as the router sees it:
 * `http://host:8000/api/v1/x?y` gives `/api/v1/x`. Only for requests that matched no route.
 */
export function requestPath(target: string): string {
  let path = target;
  const schemeEnd = target.indexOf('://');
  if (!target.startsWith('/') && schemeEnd !== -1) {
    const scheme = target.slice(0, schemeEnd).toLowerCase();
    if (scheme === 'http' || scheme === 'https') {
      const rest = target.slice(schemeEnd + 3);
      const pathStart = rest.search(/[/?#]/);
      path = pathStart === -1 ? '/' : rest.slice(pathStart);
    }
  }
  const end = path.search(/[?#]/);
  const withoutQuery = end === -1 ? path : path.slice(0, end);
  return withoutQuery.startsWith('/') ? withoutQuery : `/${withoutQuery}`;
}

export function isApiPath(path: string): boolean {
  return path === '/api' || path.startsWith('/api/');
}

/** Whether an answer belongs to the API: by the matched route, else by the path. */
export function isApiRequest(request: RoutedRequest): boolean {
  return isApiPath(matchedRoute(request) ?? requestPath(request.url));
}

/** Admin routes answer during maintenance so that an administrator can turn it off. */
const MAINTENANCE_EXEMPT_API_PREFIX = '/api/v1/admin';

/**
 * The routes maintenance stops: the customer API. `/health`, `/ready`, `/admin` (the
 * console) and `/api/v1/admin/*` keep answering, as the contract's Hardening section says.
 */
export function isCustomerApiRoute(route: string): boolean {
  if (!isApiPath(route)) return false;
  return !(
    route === MAINTENANCE_EXEMPT_API_PREFIX || route.startsWith(`${MAINTENANCE_EXEMPT_API_PREFIX}/`)
  );
}
