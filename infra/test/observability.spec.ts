import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import {
  checkDashboardMetrics,
  exportedSeries,
  metricsInExpression,
} from '../policy/observability';
import { fixtures, repoRoot } from './paths';

const observability = join(repoRoot, 'docs', 'observability');
const metricsSource = readFileSync(join(repoRoot, 'apps/api/src/metrics/atm-metrics.ts'), 'utf8');
const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as { panels?: [] };

describe('docs/observability', () => {
  it('the app exports the metrics its dashboard needs, the queue counts among them', async () => {
    const exported = await exportedSeries(metricsSource);
    for (const name of [
      'atm_http_request_duration_seconds_bucket',
      'atm_statement_queue_jobs',
      'atm_money_movements_total',
      'atm_process_process_cpu_seconds_total',
    ]) {
      expect(exported).toContain(name);
    }
  });

  it('every metric the Grafana dashboard queries is one the app exports', async () => {
    const dashboard = readJson(join(observability, 'grafana-dashboard.json'));
    expect(dashboard.panels?.length).toBeGreaterThan(5);
    expect(checkDashboardMetrics(dashboard, await exportedSeries(metricsSource))).toEqual([]);
  });

  it('Prometheus scrapes /metrics with the metrics secret header', () => {
    const config = parseYaml(readFileSync(join(observability, 'prometheus.yml'), 'utf8')) as {
      scrape_configs: { metrics_path: string; http_headers: Record<string, unknown> }[];
    };
    expect(config.scrape_configs.length).toBeGreaterThan(0);
    for (const job of config.scrape_configs) {
      expect(job.metrics_path).toBe('/metrics');
      expect(Object.keys(job.http_headers)).toEqual(['x-metrics-secret']);
    }
  });
});

describe('the dashboard check catches', () => {
  it('a misspelled metric and one the app does not export', async () => {
    const found = checkDashboardMetrics(
      readJson(join(fixtures, 'observability', 'dashboard-unknown-metric.json')),
      await exportedSeries(metricsSource),
    );
    expect(found.map((v) => v.message)).toEqual([
      'atm_http_requests_total is not a metric the app exports',
      'atm_worker_count is not a metric the app exports',
    ]);
  });

  it('reads metric names, not functions, labels or ranges', () => {
    expect(
      metricsInExpression(
        'histogram_quantile(0.95, sum by (le, route) (rate(atm_x_bucket{status=~"5.."}[5m]))) / atm_y',
      ),
    ).toEqual(['atm_x_bucket', 'atm_y']);
  });
});
