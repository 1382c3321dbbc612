import { Module } from '@nestjs/common';
import { AccountsDataModule } from '../accounts';
import { type AppConfig, APP_CONFIG } from '../config';
import { LedgerModule } from '../transactions';
import { LocalStatementStorage } from './local-statement-storage';
import { S3StatementStorage } from './s3-statement-storage';
import { StatementLedger } from './statement-ledger';
import { StatementPdfRenderer } from './statement-pdf-renderer';
import { StatementProcessor } from './statement-processor';
import { StatementRetention } from './statement-retention';
import { StatementStorage } from './statement-storage';
import { StatementStore } from './statement-store';

/** S3 when STATEMENT_S3_BUCKET is set (production requires it), a local directory otherwise. */
export function createStatementStorage(config: AppConfig): StatementStorage {
  return config.statementS3Bucket
    ? new S3StatementStorage({
        bucket: config.statementS3Bucket,
        region: config.statementS3Region,
        endpoint: config.statementS3Endpoint,
      })
    : new LocalStatementStorage(config.statementOutputDir);
}

/**
 * Making a statement: the table, the ledger reading, the PDF, the store and the processor
 * that ties them together. Shared by the API (requests, downloads, in-process jobs) and the
 * worker process (BullMQ jobs).
 */
@Module({
  imports: [AccountsDataModule, LedgerModule],
  providers: [
    StatementStore,
    StatementLedger,
    StatementPdfRenderer,
    StatementProcessor,
    { provide: StatementStorage, inject: [APP_CONFIG], useFactory: createStatementStorage },
    StatementRetention,
  ],
  exports: [
    StatementStore,
    StatementProcessor,
    StatementStorage,
    StatementPdfRenderer,
    StatementRetention,
  ],
})
export class StatementProcessingModule {}
