import {
  API_PREFIX,
  BACKGROUND_REFRESH_HEADER,
  type ProblemDetails,
  isErrorCode,
} from '@atm/contracts';
import { ApiError } from '../../shared/api/http';
import { sessionStore } from './admin-session';

export { ApiError };

export interface AdminRequestOptions {
  method?: 'GET' | 'POST' | 'PUT';
  body?: unknown;
  idempotencyKey?: string;
  /** The dashboard's polling: the server does not count it as the admin's activity. */
  background?: boolean;
  /** Send the session's bearer token (default true; sign-in sends none). */
  auth?: boolean;
}

type SessionLostListener = (code: 'SESSION_EXPIRED' | 'UNAUTHENTICATED') => void;
const sessionLostListeners = new Set<SessionLostListener>();

/** Called when the server says the session is over, from any request. */
export function onSessionLost(listener: SessionLostListener): () => void {
  sessionLostListeners.add(listener);
  return () => sessionLostListeners.delete(listener);
}

async function readProblem(response: Response): Promise<ProblemDetails | null> {
  try {
    const body: unknown = await response.json();
    if (typeof body === 'object' && body !== null && isErrorCode((body as ProblemDetails).code)) {
      return body as ProblemDetails;
    }
  } catch {
    // Not JSON: a proxy's error page, for example.
  }
  return null;
}

/** One request to the admin API: problem+json refusals become ApiError. */
export async function adminRequest<T>(path: string, options: AdminRequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const auth = options.auth ?? true;
  const token = auth ? sessionStore.read()?.token : undefined;
  if (token) headers.Authorization = `Bearer ${token}`;
  if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;
  if (options.background) headers[BACKGROUND_REFRESH_HEADER] = '1';
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(`${API_PREFIX}/admin${path}`, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? null : JSON.stringify(options.body),
      cache: 'no-store',
    });
  } catch {
    throw new ApiError(0, null);
  }
  if (!response.ok) {
    const problem = await readProblem(response);
    if (auth && (problem?.code === 'SESSION_EXPIRED' || problem?.code === 'UNAUTHENTICATED')) {
      const code = problem.code;
      sessionStore.clear();
      sessionLostListeners.forEach((listener) => listener(code));
    }
    throw new ApiError(response.status, problem);
  }
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}
