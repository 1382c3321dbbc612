import { type Account, type AdminLoginResponse } from '@atm/contracts';

/*
 * The admin API's answers come from libs/contracts (one contract, two sides); the console
 * adds only the names it needs of its own.
 */
export type {
  AdminAuditEvent as AuditEvent,
  AdminCard,
  AdminCustomer,
  AdminDashboard,
  AdminLoginRequest,
  AdminLoginResponse,
  AdminRole,
} from '@atm/contracts';

/** The console's view of an account: the contract's Account (its number included). */
export type AdminAccount = Account;

export type AdminIdentity = AdminLoginResponse['admin'];

/** A cursor-paged list of the admin API. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
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
