/** Request and response shapes of `/api/v1`, shared by the API and the web ATM. */
import { type Language } from './languages';

export const API_PREFIX = '/api/v1';
export const CURRENCY = 'USD';

export type AccountType = 'CHECKING' | 'SAVINGS';
export type AccountStatus = 'ACTIVE' | 'FROZEN' | 'CLOSED';

export interface CustomerSummary {
  id: string;
  name: string;
}

export interface CardSummary {
  last4: string;
}

export interface LoginRequest {
  cardNumber: string;
  pin: string;
}

export interface LoginResponse {
  accessToken: string;
  tokenType: 'Bearer';
  expiresInSeconds: number;
  customer: CustomerSummary;
  card: CardSummary;
}

export interface KeepaliveResponse {
  expiresAt: string;
}

export interface SessionResponse {
  customer: CustomerSummary;
  card: CardSummary;
  expiresAt: string;
}

export interface ChangePinRequest {
  currentPin: string;
  newPin: string;
}

export interface Account {
  id: string;
  number: string;
  type: AccountType;
  balanceCents: number;
  availableBalanceCents: number;
  currency: typeof CURRENCY;
  status: AccountStatus;
  /** v1.1: the savings account that covers this one's shortfalls, masked to its last four. */
  overdraftFromAccountNumber: string | null;
}

export interface AccountsResponse {
  accounts: Account[];
}

export interface AccountResponse {
  account: Account;
}

export interface LimitUsage {
  dailyLimitCents: number;
  usedTodayCents: number;
  remainingCents: number;
}

export interface LimitsResponse {
  withdrawal: LimitUsage;
  transfer: LimitUsage;
}

export type EntryType = 'WITHDRAWAL' | 'DEPOSIT' | 'TRANSFER_IN' | 'TRANSFER_OUT' | 'OPENING';

export interface Entry extends EntryFacts {
  id: string;
  transactionId: string;
  type: EntryType;
  amountCents: number;
  balanceAfterCents: number;
  /** The English text stored with the entry; screens render their own from the facts. */
  description: string;
  createdAt: string;
}

/**
 * What an entry's description is made of (v1.1, additive), so that every language can
 * write it: the check number of a check deposit, the other account of a transfer (masked
 * to its last four digits) and the transfer's memo as the customer typed it.
 */
export interface EntryFacts {
  type: EntryType;
  checkNumber?: string;
  counterpartyAccountNumber?: string;
  memo?: string;
  /** v1.1: the entry is an overdraft protection sweep ("Overdraft protection"). */
  overdraftProtection?: boolean;
}

export interface EntriesPage {
  items: Entry[];
  nextCursor: string | null;
}

export type TransactionType = 'WITHDRAWAL' | 'DEPOSIT' | 'TRANSFER';

export interface Transaction {
  id: string;
  reference: string;
  type: TransactionType;
  amountCents: number;
  accountId: string;
  balanceAfterCents: number;
  createdAt: string;
  counterpartyAccountNumber?: string;
}

export interface WithdrawalRequest {
  amountCents: number;
}

export interface NoteCount {
  denominationCents: number;
  count: number;
}

export interface WithdrawalResponse {
  transaction: Transaction;
  notes: NoteCount[];
  /** v1.1: the sweep from the linked savings account, or null when none was needed. */
  overdraftTransfer: Transaction | null;
}

export type DepositKind = 'CASH' | 'CHECK';

export interface DepositRequest {
  amountCents: number;
  kind: DepositKind;
  checkNumber?: string;
}

export interface DepositHold {
  amountCents: number;
  releaseAt: string;
}

export interface DepositResponse {
  transaction: Transaction;
  holds: DepositHold[];
}

export interface TransferRequest {
  fromAccountId: string;
  toAccountNumber: string;
  amountCents: number;
  memo?: string;
}

export interface TransferResponse {
  transaction: Transaction;
  /** v1.1: the sweep from the linked savings account, or null when none was needed. */
  overdraftTransfer: Transaction | null;
}

export type StatementStatus = 'PENDING' | 'PROCESSING' | 'READY' | 'FAILED';

export interface StatementRequest {
  from: string;
  to: string;
  /** v1.1: the statement's language; the request's Accept-Language when left out. */
  language?: Language;
}

export interface Statement {
  id: string;
  accountId: string;
  from: string;
  to: string;
  status: StatementStatus;
  createdAt: string;
  completedAt?: string;
  pageCount?: number;
}

export interface StatementResponse {
  statement: Statement;
}

export interface HealthResponse {
  status: 'ok';
}

export interface ReadyResponse {
  status: 'ok' | 'error';
  checks: { database: 'up' | 'down'; redis: 'up' | 'down' | 'disabled' };
}
