// The transactions module's public surface: other modules import from here, never a file inside.
export { ALLOWED_DENOMINATIONS_CENTS, CashService } from './cash.service';
export {
  assertIdempotencyKeyShape,
  deleteExpiredIdempotencyRecords,
  requestFingerprint,
  requireIdempotencyKey,
  type StoredAnswer,
} from './idempotency';
export { postTransaction } from './ledger-writer';
export { ReversalsService } from './reversals.service';
export { TransactionsModule } from './transactions.module';
