import { currentLanguage } from '../i18n/i18n';
import { ApiError, readJson, sendApiRequest, sessionEndedCode } from './api-request';

export { ApiError };

/** Codes after which a session can no longer be used: the card is returned. */
export type SessionLostCode = 'SESSION_EXPIRED' | 'UNAUTHENTICATED' | 'CARD_LOCKED';

interface SessionHooks {
  onActivity: () => void;
  onSessionLost: (code: SessionLostCode) => void;
}

/**
 * The bearer token lives in this module's memory only (never localStorage or
 * sessionStorage), so closing or reloading the tab ends the session on this side.
 */
let accessToken: string | null = null;
let hooks: SessionHooks = { onActivity: () => undefined, onSessionLost: () => undefined };

export const tokenStore = {
  get: (): string | null => accessToken,
  set: (token: string | null): void => {
    accessToken = token;
  },
};

export function setSessionHooks(next: SessionHooks): void {
  hooks = next;
}

export interface RequestOptions {
  method?: 'GET' | 'POST';
  body?: unknown;
  idempotencyKey?: string;
  /** Send the bearer token (default true). */
  auth?: boolean;
  accept?: 'json' | 'blob';
}

async function send(path: string, options: RequestOptions): Promise<Response> {
  // The session's language goes with every request: the API answers problems (and
  // receipts) in it.
  const headers: Record<string, string> = { 'Accept-Language': currentLanguage() };
  const auth = options.auth ?? true;
  if (auth && accessToken) headers.Authorization = `Bearer ${accessToken}`;
  if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;
  let response: Response;
  try {
    response = await sendApiRequest(path, {
      method: options.method ?? 'GET',
      headers,
      body: options.body,
    });
  } catch (error) {
    const ended = auth ? sessionEndedCode(error) : null;
    if (ended) hooks.onSessionLost(ended);
    throw error;
  }
  if (auth) hooks.onActivity();
  return response;
}

/** The path of something under one of the customer's accounts: `/accounts/:id/<under>`. */
export function accountPath(accountId: string, under: string): string {
  return `/accounts/${encodeURIComponent(accountId)}/${under}`;
}

export async function apiJson<T>(path: string, options: RequestOptions = {}): Promise<T> {
  return readJson<T>(await send(path, options));
}

export async function apiBlob(path: string, options: RequestOptions = {}): Promise<Blob> {
  const response = await send(path, options);
  return response.blob();
}

/** Answers worth retrying with the same idempotency key: nothing was decided yet. */
export function isRetryable(error: unknown): boolean {
  if (!(error instanceof ApiError)) return false;
  return (
    error.status === 0 ||
    error.code === 'SERVICE_UNAVAILABLE' ||
    error.code === 'IDEMPOTENCY_IN_PROGRESS'
  );
}

const RETRY_DELAYS_MS = [400, 1200];

/**
 * Sends a money-moving request, retrying a lost connection or a 503 with the same
 * Idempotency-Key: the server replays the first answer, so money never moves twice.
 */
export async function moveMoney<T>(
  path: string,
  body: unknown,
  idempotencyKey: string,
  wait: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await apiJson<T>(path, { method: 'POST', body, idempotencyKey });
    } catch (error) {
      const delay = RETRY_DELAYS_MS[attempt];
      if (!isRetryable(error) || delay === undefined) throw error;
      await wait(delay);
    }
  }
}
