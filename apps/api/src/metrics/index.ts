// The metrics module's public surface: other modules import from here, never a file inside.
export { AtmMetrics } from './atm-metrics';
export { MetricsModule } from './metrics.module';
