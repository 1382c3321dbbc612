import { Controller, Get, Header, Inject, Req } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, timingSafeEqual } from 'node:crypto';
import { type FastifyRequest } from 'fastify';
import { type DataSource } from 'typeorm';
import { DomainError, NetworkAllowlist, Public } from '../common';
import { type AppConfig, APP_CONFIG } from '../config';
import { AtmMetrics } from './atm-metrics';

interface PgPool {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}

function sameSecret(given: string, expected: string): boolean {
  // Hashing first makes the comparison constant-time whatever the lengths.
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/**
 * Prometheus text at /metrics, only with METRICS_ENABLED=true and past METRICS_GUARD
 * (`secret`: the x-metrics-secret header; `cidr`: the client IP in the allowlist).
 * Otherwise it answers 404, as if it did not exist.
 */
@ApiExcludeController()
@Public()
@Controller('metrics')
export class MetricsController {
  private readonly allowed: NetworkAllowlist;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly metrics: AtmMetrics,
    @InjectDataSource() dataSource: DataSource,
  ) {
    this.allowed = new NetworkAllowlist(config.metrics.allowlist);
    metrics.onScrape(() => {
      const pool = (dataSource.driver as unknown as { master?: PgPool }).master;
      if (!pool) return;
      metrics.dbPool.set({ state: 'total' }, pool.totalCount);
      metrics.dbPool.set({ state: 'idle' }, pool.idleCount);
      metrics.dbPool.set({ state: 'waiting' }, pool.waitingCount);
    });
  }

  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  async scrape(@Req() request: FastifyRequest): Promise<string> {
    if (!this.config.metrics.enabled || !this.passesGuard(request)) {
      throw new DomainError('NOT_FOUND', 'No such resource');
    }
    return this.metrics.render();
  }

  private passesGuard(request: FastifyRequest): boolean {
    if (this.config.metrics.guard === 'secret') {
      const given = request.headers['x-metrics-secret'];
      return (
        typeof given === 'string' &&
        this.config.metrics.secret !== undefined &&
        sameSecret(given, this.config.metrics.secret)
      );
    }
    return this.allowed.allows(request.ip);
  }
}
