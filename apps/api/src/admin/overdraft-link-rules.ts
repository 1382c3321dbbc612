import { type AccountStatus, type AccountType, type ErrorCode } from '@atm/contracts';

/** What the overdraft link rules look at in each account. */
export interface LinkedAccountFacts {
  id: string;
  customerId: string;
  type: AccountType;
  status: AccountStatus;
}

/**
 * Overdraft protection's link rule (contract, "Overdraft protection"): only a checking
 * account may be protected, and only by a savings account of the same customer (otherwise
 * INVALID_OVERDRAFT_LINK); a frozen or closed savings account, or a closed checking
 * account, is refused with ACCOUNT_NOT_ACTIVE. Answers the refusal's code, or null.
 */
export function overdraftLinkRefusal(
  checking: LinkedAccountFacts,
  savings: LinkedAccountFacts,
): ErrorCode | null {
  if (
    checking.type !== 'CHECKING' ||
    savings.type !== 'SAVINGS' ||
    checking.id === savings.id ||
    checking.customerId !== savings.customerId
  ) {
    return 'INVALID_OVERDRAFT_LINK';
  }
  if (checking.status === 'CLOSED' || savings.status !== 'ACTIVE') return 'ACCOUNT_NOT_ACTIVE';
  return null;
}
