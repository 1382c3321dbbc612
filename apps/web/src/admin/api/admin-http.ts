import { BACKGROUND_REFRESH_HEADER } from '@atm/contracts';
import { ApiError, readJson, sendApiRequest, sessionEndedCode } from '../../shared/api/api-request';
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

/** One request to the admin API: problem+json refusals become ApiError. */
export async function adminRequest<T>(path: string, options: AdminRequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = {};
  const auth = options.auth ?? true;
  const token = auth ? sessionStore.read()?.token : undefined;
  if (token) headers.Authorization = `Bearer ${token}`;
  if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;
  if (options.background) headers[BACKGROUND_REFRESH_HEADER] = '1';
  let response: Response;
  try {
    response = await sendApiRequest(`/admin${path}`, {
      method: options.method ?? 'GET',
      headers,
      body: options.body,
    });
  } catch (error) {
    const ended = auth ? sessionEndedCode(error) : null;
    if (ended) {
      sessionStore.clear();
      sessionLostListeners.forEach((listener) => listener(ended));
    }
    throw error;
  }
  return readJson<T>(response);
}
