import { type Account, type ProblemDetails, problemTypeFor } from '@atm/contracts';

export interface RecordedRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: unknown;
}

export interface FakeAnswer {
  status: number;
  body?: unknown;
}

type Handler = (request: RecordedRequest) => FakeAnswer | Promise<FakeAnswer>;

/** A stand-in for the API behind `fetch`: routes by "METHOD /path", records every request. */
export class FakeApi {
  readonly requests: RecordedRequest[] = [];
  private readonly routes = new Map<string, Handler>();

  on(route: string, handler: Handler | FakeAnswer): this {
    this.routes.set(route, typeof handler === 'function' ? handler : () => handler);
    return this;
  }

  install(): void {
    globalThis.fetch = (async (input: string, init: RequestInit = {}) => {
      const url = new URL(input, 'http://atm.test');
      const request: RecordedRequest = {
        method: init.method ?? 'GET',
        path: url.pathname.replace(/^\/api\/v1/, '') + url.search,
        headers: { ...(init.headers as Record<string, string>) },
        body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
      };
      this.requests.push(request);
      const handler =
        this.routes.get(`${request.method} ${request.path}`) ??
        this.routes.get(`${request.method} ${request.path.split('?')[0]}`);
      const answer = handler ? await handler(request) : { status: 404, body: problem('NOT_FOUND') };
      return {
        ok: answer.status >= 200 && answer.status < 300,
        status: answer.status,
        json: async () => answer.body,
        blob: async () => new Blob(['%PDF-1.7'], { type: 'application/pdf' }),
      } as unknown as Response;
    }) as typeof fetch;
  }

  sent(route: string): RecordedRequest[] {
    return this.requests.filter((r) => `${r.method} ${r.path.split('?')[0]}` === route);
  }
}

export function problem(
  code: ProblemDetails['code'],
  extras: Partial<ProblemDetails> = {},
): ProblemDetails {
  return { type: problemTypeFor(code), title: code, status: 422, detail: code, code, ...extras };
}

export const CHECKING: Account = {
  id: '11111111-1111-4111-8111-111111111111',
  number: '100000010001',
  type: 'CHECKING',
  balanceCents: 525000,
  availableBalanceCents: 525000,
  currency: 'USD',
  status: 'ACTIVE',
  overdraftFromAccountNumber: null,
};

export const SAVINGS: Account = {
  id: '22222222-2222-4222-8222-222222222222',
  number: '100000010002',
  type: 'SAVINGS',
  balanceCents: 1250000,
  availableBalanceCents: 1230000,
  currency: 'USD',
  status: 'ACTIVE',
  overdraftFromAccountNumber: null,
};

export function transaction(
  type: 'WITHDRAWAL' | 'DEPOSIT' | 'TRANSFER',
  amountCents: number,
  balanceAfterCents: number,
) {
  return {
    id: '33333333-3333-4333-8333-333333333333',
    reference: 'TX7K2P',
    type,
    amountCents,
    accountId: CHECKING.id,
    balanceAfterCents,
    createdAt: '2026-03-02T15:04:05.000Z',
  };
}
