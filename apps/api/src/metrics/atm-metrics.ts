import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * Every Prometheus metric of the ATM in one registry of this process (not prom-client's
 * global one, so tests that boot several apps in one process never collide).
 */
@Injectable()
export class AtmMetrics implements OnModuleDestroy {
  readonly registry = new Registry();

  readonly httpDuration = new Histogram({
    name: 'atm_http_request_duration_seconds',
    help: 'HTTP request latency by route pattern, method and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  readonly moneyMovements = new Counter({
    name: 'atm_money_movements_total',
    help: 'Withdrawals, deposits and transfers by outcome (SUCCESS, REFUSED with its code, REPLAYED)',
    labelNames: ['type', 'outcome', 'code'] as const,
    registers: [this.registry],
  });

  readonly moneyCallRetries = new Counter({
    name: 'atm_money_call_retries_total',
    help: 'Movement calls run again after a lost race (notes taken meanwhile, deadlock), by type',
    labelNames: ['type'] as const,
    registers: [this.registry],
  });

  readonly signInFailures = new Counter({
    name: 'atm_sign_in_failures_total',
    help: 'Refused sign-ins and PIN changes by reason',
    labelNames: ['reason'] as const,
    registers: [this.registry],
  });

  readonly lockouts = new Counter({
    name: 'atm_card_lockouts_total',
    help: 'Cards locked after too many wrong PINs',
    registers: [this.registry],
  });

  readonly statementJobs = new Histogram({
    name: 'atm_statement_job_duration_seconds',
    help: 'Statement rendering jobs by outcome (READY, FAILED, RETRY)',
    labelNames: ['outcome'] as const,
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [this.registry],
  });

  readonly dbPool = new Gauge({
    name: 'atm_db_pool_connections',
    help: 'Database pool connections by state (total, idle, waiting requests)',
    labelNames: ['state'] as const,
    registers: [this.registry],
  });

  readonly queueDepth = new Gauge({
    name: 'atm_statement_queue_jobs',
    help: 'Statement jobs by queue state',
    labelNames: ['state'] as const,
    registers: [this.registry],
  });

  /** Refreshers run just before each scrape (pool sizes, queue depth). */
  private readonly beforeScrape: Array<() => Promise<void> | void> = [];

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'atm_process_' });
  }

  onScrape(refresh: () => Promise<void> | void): void {
    this.beforeScrape.push(refresh);
  }

  async render(): Promise<string> {
    await Promise.all(this.beforeScrape.map(async (refresh) => refresh()));
    return this.registry.metrics();
  }

  onModuleDestroy(): void {
    this.registry.clear();
  }
}
