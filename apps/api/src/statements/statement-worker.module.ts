import { type DynamicModule, Module } from '@nestjs/common';
import { CoreModule, type CoreOptions } from '../core.module';
import { LoggingModule } from '../logging';
import { StatementProcessingModule } from './statement-processing.module';
import { StatementQueueWorker } from './statement-queue-worker';

/** The worker process's application context: statement jobs from BullMQ, no HTTP. */
@Module({})
export class StatementWorkerModule {
  static forRoot(options: CoreOptions): DynamicModule {
    return {
      module: StatementWorkerModule,
      imports: [
        CoreModule.forRoot({
          ...options,
          // Each job holds one connection at a time; one more for the claim of the next.
          poolSize: options.poolSize ?? options.config.statementWorkerConcurrency + 2,
        }),
        LoggingModule.forRoot(options.config, options.logDestination),
        StatementProcessingModule,
      ],
      providers: [StatementQueueWorker],
    };
  }
}
