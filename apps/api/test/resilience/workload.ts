import { type BankCustomer } from './bank';
import { http, type HttpAnswer, sleep } from './http';
import { failOnStall, rateOf, stallMs } from './progress';

/**
 * The bank workload: random withdrawals, deposits and transfers from concurrent clients,
 * each signed in with its own session. An operation ends only on an answer the contract
 * records (201, or a 422 refusal); a lost connection, 503, 409 IDEMPOTENCY_IN_PROGRESS or
 * 429 is retried with the same Idempotency-Key, with backoff, bounded in count and time.
 */

export type OperationKind = 'WITHDRAWAL' | 'DEPOSIT' | 'TRANSFER';

export interface Operation {
  client: number;
  index: number;
  kind: OperationKind;
  customerId: string;
  accountId: string;
  amountCents: number;
  depositKind?: 'CASH' | 'CHECK';
  toAccountNumber?: string;
  key: string;
}

export interface AcknowledgedTransaction {
  id: string;
  type: OperationKind;
  amountCents: number;
  accountId: string;
}

export interface OperationOutcome {
  operation: Operation;
  /** 201 or 422, or 0 when the operation never got a final answer in its budget. */
  status: number;
  body: unknown;
  replayed: boolean;
  attempts: number;
  /** Every status (or network error) seen along the way, in order. */
  trail: string[];
}

/** A deterministic PRNG (mulberry32), so that a failing run can be replayed from its seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `total` operations spread over `clients` clients; client c signs in as customer c mod n. */
export function planOperations(
  customers: readonly BankCustomer[],
  options: { total: number; clients: number; seed: number; keyPrefix: string },
): Operation[][] {
  const random = prng(options.seed);
  const pick = <T>(items: readonly T[]): T => {
    const item = items[Math.floor(random() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  };
  const allNumbers = customers.flatMap((c) => c.accounts.map((a) => a.number));
  const plans: Operation[][] = [];
  for (let client = 0; client < options.clients; client += 1) {
    const customer = customers[client % customers.length];
    if (!customer) throw new Error('no customers');
    const count =
      Math.floor(options.total / options.clients) +
      (client < options.total % options.clients ? 1 : 0);
    const ops: Operation[] = [];
    for (let index = 0; index < count; index += 1) {
      const account = pick(customer.accounts);
      const roll = random();
      const base = {
        client,
        index,
        customerId: customer.customerId,
        accountId: account.id,
        key: `${options.keyPrefix}-c${client}-o${index}`,
      };
      if (roll < 0.4) {
        // Mostly multiples of $20; now and then an amount the ATM refuses (422).
        const amountCents = random() < 0.05 ? 1500 : 2000 * (1 + Math.floor(random() * 8));
        ops.push({ ...base, kind: 'WITHDRAWAL', amountCents });
      } else if (roll < 0.7) {
        const depositKind = random() < 0.7 ? 'CASH' : 'CHECK';
        ops.push({
          ...base,
          kind: 'DEPOSIT',
          amountCents: 100 + Math.floor(random() * 50_000),
          depositKind,
        });
      } else {
        let to = pick(allNumbers);
        if (to === account.number) to = pick(allNumbers); // a rare SAME_ACCOUNT 422 is fine
        ops.push({
          ...base,
          kind: 'TRANSFER',
          amountCents: 100 + Math.floor(random() * 30_000),
          toAccountNumber: to,
        });
      }
    }
    plans.push(ops);
  }
  return plans;
}

function requestOf(op: Operation): { path: string; body: Record<string, unknown> } {
  switch (op.kind) {
    case 'WITHDRAWAL':
      return {
        path: `/api/v1/accounts/${op.accountId}/withdrawals`,
        body: { amountCents: op.amountCents },
      };
    case 'DEPOSIT':
      return {
        path: `/api/v1/accounts/${op.accountId}/deposits`,
        body: { amountCents: op.amountCents, kind: op.depositKind ?? 'CASH' },
      };
    case 'TRANSFER':
      return {
        path: '/api/v1/transfers',
        body: {
          fromAccountId: op.accountId,
          toAccountNumber: op.toAccountNumber,
          amountCents: op.amountCents,
        },
      };
  }
}

/** Sends one operation once (used by the load and by the replay check afterwards). */
export function sendOperation(port: number, token: string, op: Operation): Promise<HttpAnswer> {
  const { path, body } = requestOf(op);
  return http({
    port,
    method: 'POST',
    path,
    body,
    headers: { authorization: `Bearer ${token}`, 'idempotency-key': op.key },
  });
}

const RETRYABLE_STATUSES = new Set([0, 409, 429, 503]);
/** Per operation: attempts and wall time before it is given up (and the scenario fails). */
const MAX_ATTEMPTS = 400;
const MAX_OPERATION_MS = 180_000;

export interface LoadOptions {
  customers: readonly BankCustomer[];
  plans: Operation[][];
  /** The API ports; client c talks to ports[c mod n]. Read on every attempt. */
  ports: () => readonly number[];
  /** No operation completed for this long fails the load (default: RESILIENCE_STALL_SECONDS). */
  stallMs?: number;
}

/**
 * Runs the planned operations. `phase` labels what the scenario is doing (e.g. "db-down"),
 * and every answer is counted under it, so that a scenario can check what clients saw
 * while a dependency was away.
 */
export class BankLoad {
  phase = 'normal';
  readonly outcomes: OperationOutcome[] = [];
  /** `${phase} ${status}` → count, every attempt included. */
  readonly seen = new Map<string, number>();
  /** Unexpected answers (a 5xx other than 503, a 400, a 404...), with their bodies. */
  readonly unexpected: Array<{ op: string; phase: string; status: number; text: string }> = [];
  acknowledged = 0;
  retries = 0;
  /** Wall time of run(), for the operations-per-second figure. */
  elapsedMs = 0;
  logins = 0;
  private readonly tokens = new Map<number, string>();
  private waiters: Array<{ count: number; resolve: () => void }> = [];

  constructor(private readonly options: LoadOptions) {}

  get total(): number {
    return this.options.plans.reduce((n, plan) => n + plan.length, 0);
  }

  /** Resolves once `count` operations have their final answer (or the load ended). */
  whenAcknowledged(count: number): Promise<void> {
    if (this.acknowledged >= count) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ count, resolve }));
  }

  count(phase: string, predicate: (status: string) => boolean): number {
    let n = 0;
    for (const [label, value] of this.seen) {
      const [p, status] = label.split(' ');
      if (p === phase && status !== undefined && predicate(status)) n += value;
    }
    return n;
  }

  /** Every answer seen in `phase`, by status (or network error), for messages and logs. */
  breakdown(phase: string): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [label, value] of this.seen) {
      const [p, status] = label.split(' ');
      if (p === phase && status !== undefined) out[status] = value;
    }
    return out;
  }

  /**
   * Runs every client's plan. It fails only on a real stall (no operation completed for
   * the stall limit), never because the machine is slow.
   */
  async run(): Promise<void> {
    const started = Date.now();
    try {
      await failOnStall(
        Promise.all(this.options.plans.map((plan, client) => this.runClient(client, plan))),
        () => this.acknowledged,
        { limitMs: this.options.stallMs ?? stallMs(), what: 'bank load' },
      );
    } finally {
      this.elapsedMs = Date.now() - started;
      for (const waiter of this.waiters) waiter.resolve();
      this.waiters = [];
    }
  }

  /** "N ops in S s = R ops/s" over the whole run. */
  rate(): string {
    return rateOf(this.acknowledged, this.elapsedMs);
  }

  tokenOf(client: number): string | undefined {
    return this.tokens.get(client);
  }

  portOf(client: number): number {
    const ports = this.options.ports();
    const port = ports[client % ports.length];
    if (port === undefined) throw new Error('no API port');
    return port;
  }

  private note(status: string): void {
    const label = `${this.phase} ${status}`;
    this.seen.set(label, (this.seen.get(label) ?? 0) + 1);
  }

  private async login(client: number, deadline: number): Promise<string | undefined> {
    const customer = this.options.customers[client % this.options.customers.length];
    if (!customer) throw new Error('no customer for the client');
    for (let attempt = 0; Date.now() < deadline && attempt < MAX_ATTEMPTS; attempt += 1) {
      const answer = await http({
        port: this.portOf(client),
        method: 'POST',
        path: '/api/v1/auth/login',
        body: { cardNumber: customer.cardNumber, pin: customer.pin },
      });
      this.note(`login:${answer.status || answer.networkError}`);
      if (answer.status === 200) {
        this.logins += 1;
        const token = (answer.json as { accessToken: string }).accessToken;
        this.tokens.set(client, token);
        return token;
      }
      if (!RETRYABLE_STATUSES.has(answer.status)) {
        this.unexpected.push({
          op: `login client ${client}`,
          phase: this.phase,
          status: answer.status,
          text: answer.text.slice(0, 300),
        });
        return undefined;
      }
      await sleep(backoff(attempt));
    }
    return undefined;
  }

  private async runClient(client: number, plan: readonly Operation[]): Promise<void> {
    let token = await this.login(client, Date.now() + MAX_OPERATION_MS);
    for (const op of plan) {
      const started = Date.now();
      const trail: string[] = [];
      let final: HttpAnswer | undefined;
      let attempts = 0;
      while (token && attempts < MAX_ATTEMPTS && Date.now() - started < MAX_OPERATION_MS) {
        attempts += 1;
        const answer = await sendOperation(this.portOf(client), token, op);
        const label =
          answer.status === 0 ? (answer.networkError ?? 'NETWORK') : String(answer.status);
        trail.push(label);
        this.note(label);
        if (answer.status === 201 || answer.status === 422) {
          final = answer;
          break;
        }
        if (answer.status === 401) {
          // A session can only end here if the product ended it: sign in again and retry.
          this.unexpected.push({
            op: op.key,
            phase: this.phase,
            status: 401,
            text: answer.text.slice(0, 300),
          });
          token = await this.login(client, started + MAX_OPERATION_MS);
          continue;
        }
        if (!RETRYABLE_STATUSES.has(answer.status)) {
          // 500 is retried too (the key keeps it safe) but it is a finding of its own.
          this.unexpected.push({
            op: op.key,
            phase: this.phase,
            status: answer.status,
            text: answer.text.slice(0, 300),
          });
          if (answer.status < 500) break;
        }
        this.retries += 1;
        await sleep(backoff(attempts));
      }
      this.outcomes.push({
        operation: op,
        status: final?.status ?? 0,
        body: final?.json,
        replayed: final?.headers['idempotent-replayed'] === 'true',
        attempts,
        trail,
      });
      this.acknowledged += 1;
      this.wake();
    }
  }

  private wake(): void {
    const ready = this.waiters.filter((w) => this.acknowledged >= w.count);
    this.waiters = this.waiters.filter((w) => this.acknowledged < w.count);
    for (const waiter of ready) waiter.resolve();
  }
}

function backoff(attempt: number): number {
  return Math.min(1000, 25 * 2 ** Math.min(attempt, 6)) + Math.floor(Math.random() * 50);
}

/** The transactions that 201 answers acknowledged, one per operation. */
export function acknowledgedTransactions(outcomes: readonly OperationOutcome[]): Array<{
  op: Operation;
  transaction: AcknowledgedTransaction;
  notes: Array<{ denominationCents: number; count: number }>;
}> {
  return outcomes
    .filter((o) => o.status === 201)
    .map((o) => {
      const body = o.body as {
        transaction: AcknowledgedTransaction;
        notes?: Array<{ denominationCents: number; count: number }>;
      };
      return { op: o.operation, transaction: body.transaction, notes: body.notes ?? [] };
    });
}
