import { Registry, collectDefaultMetrics } from 'prom-client';
import { type Violation, violation } from './types';

/**
 * The Grafana dashboard and the app's metrics agree: every metric a panel queries is one
 * the API exports. The app's own metrics are read from the source that declares them
 * (apps/api/src/metrics/atm-metrics.ts, `new Histogram({ name: '...' })`); the process
 * metrics are prom-client's defaults under the prefix that file passes.
 */

const SERIES_SUFFIXES: Record<string, string[]> = {
  Histogram: ['_bucket', '_sum', '_count'],
  Summary: ['', '_sum', '_count'],
  Counter: [''],
  Gauge: [''],
};

/** Every series name the app exports (histograms with their _bucket, _sum and _count). */
export async function exportedSeries(metricsSource: string): Promise<Set<string>> {
  const names = new Set<string>();
  for (const match of metricsSource.matchAll(
    /new (Histogram|Counter|Gauge|Summary)\(\{\s*name: '([a-z_:][a-z0-9_:]*)'/g,
  )) {
    const [, kind = '', name = ''] = match;
    for (const suffix of SERIES_SUFFIXES[kind] ?? ['']) names.add(`${name}${suffix}`);
  }
  const prefix = /collectDefaultMetrics\(\{[^}]*prefix: '([a-z_]+)'/.exec(metricsSource)?.[1];
  if (prefix !== undefined) {
    const registry = new Registry();
    collectDefaultMetrics({ register: registry, prefix });
    for (const metric of await registry.getMetricsAsJSON()) {
      // prom-client's MetricType is the lower-case kind ('histogram', 'gauge', ...).
      const type = String(metric.type);
      const kind = type === 'histogram' ? 'Histogram' : type === 'summary' ? 'Summary' : 'Gauge';
      for (const suffix of SERIES_SUFFIXES[kind] ?? ['']) names.add(`${metric.name}${suffix}`);
    }
    registry.clear();
  }
  return names;
}

interface Panel {
  title?: string;
  targets?: { expr?: string }[];
  panels?: Panel[];
}

/** PromQL functions and keywords, which look like metric names to a plain tokenizer. */
const PROMQL_WORDS = new Set([
  'sum',
  'max',
  'min',
  'avg',
  'count',
  'rate',
  'irate',
  'increase',
  'by',
  'without',
  'on',
  'ignoring',
  'group_left',
  'group_right',
  'histogram_quantile',
  'topk',
  'bottomk',
  'le',
  'and',
  'or',
  'unless',
  'offset',
  'abs',
  'clamp_min',
  'clamp_max',
  'delta',
  'deriv',
]);

/** The metric names one PromQL expression selects. */
export function metricsInExpression(expr: string): string[] {
  const withoutStrings = expr.replace(/"[^"]*"/g, '""');
  const withoutLabels = withoutStrings
    .replace(/\{[^}]*\}/g, '')
    .replace(/\b(by|without)\s*\([^)]*\)/g, '');
  const withoutRanges = withoutLabels.replace(/\[[^\]]*\]/g, '');
  return [...withoutRanges.matchAll(/\b[a-zA-Z_:][a-zA-Z0-9_:]*\b/g)]
    .map((m) => m[0])
    .filter((word) => !PROMQL_WORDS.has(word) && !/^\d/.test(word));
}

export function checkDashboardMetrics(
  dashboard: { panels?: Panel[] },
  exported: Set<string>,
): Violation[] {
  const found: Violation[] = [];
  const visit = (panels: Panel[]) => {
    for (const panel of panels) {
      for (const target of panel.targets ?? []) {
        for (const metric of metricsInExpression(target.expr ?? '')) {
          if (!exported.has(metric)) {
            found.push(
              violation(
                'dashboard-metric',
                panel.title ?? '(untitled panel)',
                `${metric} is not a metric the app exports`,
              ),
            );
          }
        }
      }
      visit(panel.panels ?? []);
    }
  };
  visit(dashboard.panels ?? []);
  return found;
}
