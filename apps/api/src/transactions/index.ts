// The transactions module's public surface: other modules import from here, never a file inside.
export { entryFacts } from './account-history.service';
export { ALLOWED_DENOMINATIONS_CENTS, CashService } from './cash.service';
export {
  assertIdempotencyKeyShape,
  deleteExpiredIdempotencyRecords,
  requestFingerprint,
  requireIdempotencyKey,
  type StoredAnswer,
} from './idempotency';
export { postTransaction } from './ledger-writer';
export { LedgerModule } from './ledger.module';
export { MONEY_PATH_TABLES } from './money-path-tables';
export { LedgerRepository } from './ledger.repository';
export { ReversalsService } from './reversals.service';
export { TransactionsModule } from './transactions.module';
