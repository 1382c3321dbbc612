import { API_PREFIX, type ProblemDetails, isErrorCode } from '@atm/contracts';
import { currentLanguage } from '../i18n/i18n';

/** A refusal from the API (problem+json), or a request that never got an answer. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly problem: ProblemDetails | null,
  ) {
    super(problem ? `${problem.code}: ${problem.detail}` : `HTTP ${status}`);
  }

  get code(): ProblemDetails['code'] | 'NETWORK_ERROR' {
    return this.problem?.code ?? 'NETWORK_ERROR';
  }
}

/** Codes after which a session can no longer be used: the card is returned. */
export const SESSION_LOST_CODES = ['SESSION_EXPIRED', 'UNAUTHENTICATED'] as const;
export type SessionLostCode = (typeof SESSION_LOST_CODES)[number] | 'CARD_LOCKED';

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

async function send(path: string, options: RequestOptions): Promise<Response> {
  // The session's language goes with every request: the API answers problems (and
  // receipts) in it.
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': currentLanguage(),
  };
  const auth = options.auth ?? true;
  if (auth && accessToken) headers.Authorization = `Bearer ${accessToken}`;
  if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(`${API_PREFIX}${path}`, {
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
    const error = new ApiError(response.status, problem);
    if (
      auth &&
      problem &&
      (problem.code === 'SESSION_EXPIRED' || problem.code === 'UNAUTHENTICATED')
    ) {
      hooks.onSessionLost(problem.code);
    }
    throw error;
  }
  if (auth) hooks.onActivity();
  return response;
}

export async function apiJson<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const response = await send(path, options);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
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

export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}
