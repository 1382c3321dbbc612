import {
  type AnchorHTMLAttributes,
  type MouseEvent,
  type ReactNode,
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
} from 'react';

/** The console lives under this path; the server answers its page for every path below. */
export const CONSOLE_BASE = '/admin';

export type Route =
  | { page: 'dashboard' }
  | { page: 'customers' }
  | { page: 'customer'; id: string }
  | { page: 'audit' }
  | { page: 'cash' }
  | { page: 'maintenance' }
  | { page: 'not-found' };

/** Reads a console path (`/admin/customers/<id>`) as a route. */
export function parseRoute(pathname: string): Route {
  const rest = pathname.startsWith(CONSOLE_BASE) ? pathname.slice(CONSOLE_BASE.length) : pathname;
  const parts = rest.split('/').filter(Boolean);
  const [first, second, ...more] = parts;
  if (more.length > 0) return { page: 'not-found' };
  if (first === undefined) return { page: 'dashboard' };
  if (first === 'customers' && second !== undefined) {
    return { page: 'customer', id: decodeURIComponent(second) };
  }
  if (second !== undefined) return { page: 'not-found' };
  const pages = ['dashboard', 'customers', 'audit', 'cash', 'maintenance'] as const;
  const page = pages.find((p) => p === first);
  return page ? { page } : { page: 'not-found' };
}

export function pathFor(route: Exclude<Route, { page: 'not-found' }>): string {
  switch (route.page) {
    case 'dashboard':
      return CONSOLE_BASE;
    case 'customer':
      return `${CONSOLE_BASE}/customers/${encodeURIComponent(route.id)}`;
    default:
      return `${CONSOLE_BASE}/${route.page}`;
  }
}

interface Navigation {
  pathname: string;
  navigate: (path: string) => void;
}

const NavigationContext = createContext<Navigation | null>(null);

/** A small history router: the console has six pages, not enough for a routing library. */
export function RouterProvider({ children }: { children: ReactNode }) {
  const [pathname, setPathname] = useState(() => window.location.pathname);
  useEffect(() => {
    const onPop = () => setPathname(window.location.pathname);
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const navigate = useCallback((path: string) => {
    if (path !== window.location.pathname) window.history.pushState(null, '', path);
    setPathname(path);
  }, []);
  const value = useMemo(() => ({ pathname, navigate }), [pathname, navigate]);
  return <NavigationContext.Provider value={value}>{children}</NavigationContext.Provider>;
}

export function useNavigation(): Navigation {
  const navigation = useContext(NavigationContext);
  if (!navigation) throw new Error('useNavigation needs a RouterProvider');
  return navigation;
}

export interface LinkProps extends AnchorHTMLAttributes<HTMLAnchorElement> {
  to: string;
}

/** A real link (it opens in a new tab too) that changes page without reloading. */
export function Link({ to, onClick, ...rest }: LinkProps) {
  const { navigate, pathname } = useNavigation();
  const handle = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (
      event.defaultPrevented ||
      event.button !== 0 ||
      event.metaKey ||
      event.ctrlKey ||
      event.shiftKey ||
      event.altKey
    ) {
      return;
    }
    event.preventDefault();
    navigate(to);
  };
  return (
    <a href={to} aria-current={pathname === to ? 'page' : undefined} onClick={handle} {...rest} />
  );
}
