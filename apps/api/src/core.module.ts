import { type DynamicModule, Module } from '@nestjs/common';
import { AuditModule } from './audit';
import { BusinessCalendar, type Clock, ClockModule } from './common';
import { type AppConfig, APP_CONFIG, AppConfigModule } from './config';
import { DatabaseModule, type DatabaseTarget } from './database';
import { MaintenanceModule } from './maintenance';
import { RedisModule } from './redis';
import { AtmMetrics } from './metrics';

export interface CoreOptions {
  config: AppConfig;
  database: DatabaseTarget;
  clock?: Clock;
  poolSize?: number;
  /** Where logs go (tests capture them); standard output otherwise. */
  logDestination?: NodeJS.WritableStream;
}

/**
 * What every entry point (HTTP server, worker, CLI) stands on: the validated config, the
 * clock, the database, Redis when configured, audit and the maintenance flag.
 */
@Module({})
export class CoreModule {
  static forRoot(options: CoreOptions): DynamicModule {
    return {
      module: CoreModule,
      global: true,
      imports: [
        AppConfigModule.forRoot(options.config),
        ClockModule.forRoot(options.clock),
        DatabaseModule.forRoot(options.database, options.poolSize ?? options.config.dbPoolSize),
        RedisModule,
        AuditModule,
        MaintenanceModule,
      ],
      providers: [
        AtmMetrics,
        // One calendar for the process, in the configured time zone.
        {
          provide: BusinessCalendar,
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) => new BusinessCalendar(config.atmTimeZone),
        },
      ],
      exports: [
        AtmMetrics,
        BusinessCalendar,
        AppConfigModule,
        ClockModule,
        DatabaseModule,
        RedisModule,
        AuditModule,
        MaintenanceModule,
      ],
    };
  }
}
