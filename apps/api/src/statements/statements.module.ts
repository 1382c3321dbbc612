import { AtmMetrics } from '../metrics';
import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts';
import { Clock } from '../common';
import { type AppConfig, APP_CONFIG } from '../config';
import { BullmqStatementDispatcher } from './bullmq-statement-dispatcher';
import { InProcessStatementRunner } from './in-process-statement-runner';
import { StatementDispatcher } from './statement-dispatcher';
import { StatementProcessingModule } from './statement-processing.module';
import { StatementProcessor } from './statement-processor';
import { StatementRecovery } from './statement-recovery';
import { StatementStorage } from './statement-storage';
import { StatementStore } from './statement-store';
import { StatementsController } from './statements.controller';
import { StatementsService } from './statements.service';

/**
 * Statements in the HTTP application. With REDIS_URL the jobs go to BullMQ and the worker
 * process (`npm run worker`) makes the PDFs; without it the API makes them itself.
 */
@Module({
  imports: [AccountsModule, StatementProcessingModule],
  controllers: [StatementsController],
  providers: [
    StatementsService,
    StatementRecovery,
    {
      provide: StatementDispatcher,
      inject: [APP_CONFIG, StatementStore, StatementProcessor, StatementStorage, Clock, AtmMetrics],
      useFactory: (
        config: AppConfig,
        store: StatementStore,
        processor: StatementProcessor,
        storage: StatementStorage,
        clock: Clock,
        metrics: AtmMetrics,
      ): StatementDispatcher =>
        config.redisUrl
          ? new BullmqStatementDispatcher(config.redisUrl, store, processor, clock, metrics)
          : new InProcessStatementRunner(
              config.statementWorkerConcurrency,
              store,
              processor,
              storage,
            ),
    },
  ],
})
export class StatementsModule {}
