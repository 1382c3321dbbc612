import { Module } from '@nestjs/common';
import { MetricsController } from './metrics.controller';

/** The /metrics endpoint of the HTTP server (AtmMetrics itself lives in the core module). */
@Module({ controllers: [MetricsController] })
export class MetricsModule {}
