import { type Account, type NoteCount } from '@atm/contracts';

/*
 * The admin API's answers, as the contract's "Admin API and web console" table writes
 * them. They live beside the console until the server half adds them to libs/contracts.
 */

export type AdminRole = 'VIEWER' | 'OPERATOR' | 'ADMIN';

export interface AdminIdentity {
  username: string;
  role: AdminRole;
}

export interface AdminLoginRequest {
  username: string;
  password: string;
  totp?: string;
}

export interface AdminLoginResponse {
  token: string;
  expiresAt: string;
  admin: AdminIdentity;
}

export type AdminCardStatus = 'ACTIVE' | 'LOCKED' | 'BLOCKED';

export interface AdminCard {
  id: string;
  last4: string;
  status: AdminCardStatus;
  lockedUntil?: string | null;
}

export type AdminAccount = Account & { number: string };

export interface AdminCustomer {
  id: string;
  name: string;
  email: string | null;
  createdAt: string;
  accounts: AdminAccount[];
  cards: AdminCard[];
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
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

export interface AuditEvent {
  id: string;
  type: string;
  actor: string;
  at: string;
  details: unknown;
}

/** The audit types the contract names (the filter offers these). */
export const AUDIT_TYPES = [
  'CUSTOMER_CREATED',
  'CUSTOMER_VIEWED',
  'ACCOUNT_OPENED',
  'ACCOUNT_FROZEN',
  'ACCOUNT_UNFROZEN',
  'ACCOUNT_CLOSED',
  'CARD_BLOCKED',
  'CARD_UNLOCKED',
  'CASH_LOADED',
  'MAINTENANCE_ON',
  'MAINTENANCE_OFF',
  'ADMIN_LOGIN',
  'ADMIN_LOGIN_FAILED',
  'ADMIN_USER_CREATED',
  'ADMIN_USER_DISABLED',
  'ADMIN_USER_UNLOCKED',
  'OVERDRAFT_LINKED',
  'OVERDRAFT_UNLINKED',
  'OVERDRAFT_SWEEP',
] as const;

export type AccountAction = 'freeze' | 'unfreeze' | 'close';
export type CardAction = 'block' | 'unlock';
