import { API_PREFIX, type ProblemDetails, isErrorCode } from '@atm/contracts';

// What the ATM's client (http.ts) and the admin console's (admin-http.ts) both do with
// one request. This file loads nothing else, so the console can use it without pulling
// in the ATM's language catalogs.

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

export interface ApiRequest {
  method: string;
  /** Headers beyond Accept and Content-Type, which every request sets the same way. */
  headers: Record<string, string>;
  body?: unknown;
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

/** One request under `/api/v1`: a refusal, or no answer at all, is thrown as ApiError. */
export async function sendApiRequest(path: string, request: ApiRequest): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json', ...request.headers };
  if (request.body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(`${API_PREFIX}${path}`, {
      method: request.method,
      headers,
      body: request.body === undefined ? null : JSON.stringify(request.body),
      cache: 'no-store',
    });
  } catch {
    throw new ApiError(0, null);
  }
  if (!response.ok) throw new ApiError(response.status, await readProblem(response));
  return response;
}

/** The answer's JSON body (nothing for a 204). */
export async function readJson<T>(response: Response): Promise<T> {
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** The code of a refusal that says the session can no longer be used, or null. */
export function sessionEndedCode(error: unknown): 'SESSION_EXPIRED' | 'UNAUTHENTICATED' | null {
  if (!(error instanceof ApiError)) return null;
  const code = error.problem?.code;
  return code === 'SESSION_EXPIRED' || code === 'UNAUTHENTICATED' ? code : null;
}

/** One key per money-moving (or cash-loading) operation; its retries reuse it. */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}
