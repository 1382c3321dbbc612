import { type Account, type AccountType, type NoteCount, type Transaction } from './api-types';

/** Administrator roles, each including the one before: VIEWER < OPERATOR < ADMIN. */
export const ADMIN_ROLES = ['VIEWER', 'OPERATOR', 'ADMIN'] as const;
export type AdminRole = (typeof ADMIN_ROLES)[number];

/** Admin user names: 3 to 32 of [a-z0-9._-] (ASCII only, so no look-alikes). */
export const ADMIN_USERNAME_PATTERN = /^[a-z0-9._-]{3,32}$/;
export const ADMIN_PASSWORD_MIN_LENGTH = 12;
/** Sent by the console's polling so that it does not keep a session alive. */
export const BACKGROUND_REFRESH_HEADER = 'X-Background-Refresh';

export interface AdminLoginRequest {
  username: string;
  password: string;
  totp?: string;
}

export interface AdminLoginResponse {
  token: string;
  expiresAt: string;
  admin: { username: string; role: AdminRole };
}

export interface AdminDashboard {
  customers: number;
  accounts: number;
  cards: { active: number; locked: number; blocked: number };
  cash: NoteCount[];
  today: { withdrawals: number; deposits: number; transfers: number; failedSignIns: number };
  statements: { pending: number; failed: number };
  cashBalancing: { stockCents: number; ledgerCents: number };
}

export type AdminCardStatus = 'ACTIVE' | 'LOCKED' | 'BLOCKED';

export interface AdminCard {
  id: string;
  last4: string;
  status: AdminCardStatus;
  lockedUntil?: string;
}

export interface AdminCustomer {
  id: string;
  name: string;
  email: string | null;
  createdAt: string;
  accounts: Account[];
  cards: AdminCard[];
}

export interface AdminCustomersPage {
  items: AdminCustomer[];
  nextCursor: string | null;
}

export interface AdminCustomerResponse {
  customer: AdminCustomer;
}

export interface AdminCreateCustomerRequest {
  name: string;
  email?: string;
}

export interface AdminOpenAccountRequest {
  type: AccountType;
}

export interface AdminCardResponse {
  card: AdminCard;
}

export interface AdminCashLoadRequest {
  denominationCents: number;
  count: number;
}

export interface AdminCashResponse {
  cash: NoteCount[];
}

export interface AdminMaintenance {
  enabled: boolean;
}

export interface AdminAuditEvent {
  id: string;
  type: string;
  actor: string | null;
  at: string;
  /**
   * The event's own details, and what it concerns where it names one: `customerId` and
   * `customerName`, `accountId` and `accountNumber`, `cardLast4`; `clientIp` where it came
   * from over HTTP; `outcome` (FAILURE or REFUSED) when it did not succeed.
   */
  details: Record<string, unknown>;
}

export interface AdminAuditPage {
  items: AdminAuditEvent[];
  nextCursor: string | null;
}

export interface AdminReverseRequest {
  reason: string;
}

export interface AdminReverseResponse {
  transaction: Transaction;
}
