import { type LinkedAccountFacts, overdraftLinkRefusal } from './overdraft-link-rules';

const CHECKING: LinkedAccountFacts = {
  id: 'c',
  customerId: 'alice',
  type: 'CHECKING',
  status: 'ACTIVE',
};
const SAVINGS: LinkedAccountFacts = {
  id: 's',
  customerId: 'alice',
  type: 'SAVINGS',
  status: 'ACTIVE',
};

describe('overdraftLinkRefusal', () => {
  it('allows an active savings account of the same customer to cover a checking account', () => {
    expect(overdraftLinkRefusal(CHECKING, SAVINGS)).toBeNull();
    expect(overdraftLinkRefusal({ ...CHECKING, status: 'FROZEN' }, SAVINGS)).toBeNull();
  });

  it.each([
    ['another customer’s savings account', CHECKING, { ...SAVINGS, customerId: 'bob' }],
    ['a checking account as the cover', CHECKING, { ...SAVINGS, type: 'CHECKING' as const }],
    ['a savings account as the covered one', { ...CHECKING, type: 'SAVINGS' as const }, SAVINGS],
    ['the account itself', CHECKING, { ...CHECKING, type: 'SAVINGS' as const }],
  ])('refuses %s with INVALID_OVERDRAFT_LINK', (_what, checking, savings) => {
    expect(overdraftLinkRefusal(checking, savings)).toBe('INVALID_OVERDRAFT_LINK');
  });

  it.each([
    ['a frozen savings account', CHECKING, { ...SAVINGS, status: 'FROZEN' as const }],
    ['a closed savings account', CHECKING, { ...SAVINGS, status: 'CLOSED' as const }],
    ['a closed checking account', { ...CHECKING, status: 'CLOSED' as const }, SAVINGS],
  ])('refuses %s with ACCOUNT_NOT_ACTIVE', (_what, checking, savings) => {
    expect(overdraftLinkRefusal(checking, savings)).toBe('ACCOUNT_NOT_ACTIVE');
  });
});
