import { Module } from '@nestjs/common';
import { LedgerRepository } from './ledger.repository';

/**
 * The ledger's reads alone, with no controller or guard: the statement worker's context
 * imports this, not TransactionsModule.
 */
@Module({
  providers: [LedgerRepository],
  exports: [LedgerRepository],
})
export class LedgerModule {}
