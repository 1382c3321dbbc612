import { type ErrorCode, type ProblemDetails } from '@atm/contracts';

/**
 * Every word the admin console shows, in English, in one module: the ATM's strings are
 * being turned into message catalogs, and this module is the console's future catalog.
 * Names the contract fixes ("Sign in", "Freeze", "Confirm", ...) are marked as such.
 */
export const strings = {
  product: 'ATM admin console',
  skipToContent: 'Skip to content',
  signIn: {
    title: 'Sign in',
    intro: 'Administrators only. Every action is recorded in the audit log.',
    username: 'Username', // contract
    password: 'Password', // contract
    oneTimeCode: 'One-time code', // contract
    oneTimeCodeHint: 'The 6 digits of your authenticator app, if you have enrolled one.',
    submit: 'Sign in', // contract
    pending: 'Signing in…',
    sessionEnded: 'Your session has ended. Please sign in again.',
    sessionTimedOut: 'Your session timed out. Please sign in again.',
    signedOut: 'You have signed out.',
  },
  nav: {
    label: 'Console',
    dashboard: 'Dashboard', // contract
    customers: 'Customers', // contract
    audit: 'Audit log', // contract
    cash: 'Cash', // contract
    maintenance: 'Maintenance', // contract
    signOut: 'Sign out', // contract
    signedInAs: (username: string, role: string) => `Signed in as ${username} (${role})`,
  },
  common: {
    loading: 'Loading…',
    confirm: 'Confirm', // contract
    cancel: 'Cancel', // contract
    previousPage: 'Previous page',
    nextPage: 'Next page',
    pageNumber: (page: number) => `Page ${page}`,
    pagination: 'Pagination',
    none: 'None',
    notFoundTitle: 'Page not found',
    notFoundText: 'There is no console page at this address.',
  },
  dashboard: {
    title: 'Dashboard',
    refreshNote: 'Refreshes every 10 seconds.',
    lastUpdated: (time: string) => `Last updated ${time}`,
    // Each card's figures are labelled by the answer's field they count, in the order shown.
    people: 'Customers and accounts',
    peopleFigures: {
      customers: 'Customers',
      accounts: 'Accounts',
      active: 'Active cards',
      locked: 'Locked cards',
      blocked: 'Blocked cards',
    },
    today: 'Today',
    todayFigures: {
      withdrawals: 'Withdrawals',
      deposits: 'Deposits',
      transfers: 'Transfers',
      failedSignIns: 'Failed card sign-ins',
    },
    statements: 'Statements',
    statementFigures: { pending: 'Pending statements', failed: 'Failed statements' },
    cashStock: 'Note stock',
    cashBalancing: 'Cash balancing',
    stockValue: 'Notes in the dispenser',
    ledgerValue: 'Ledger says the machine holds',
    balanced: 'Balanced: the notes match the ledger.',
    unbalanced: (difference: string) =>
      `Out of balance by ${difference}: the device and the ledger disagree.`,
  },
  cash: {
    title: 'Cash',
    stock: 'Note stock',
    denomination: 'Denomination',
    count: 'Notes',
    value: 'Value',
    total: 'Total',
    empty: 'The dispenser holds no notes.',
    loadTitle: 'Load notes',
    loadDenomination: 'Denomination',
    loadCount: 'Number of notes',
    loadSubmit: 'Load notes',
    confirmTitle: 'Load notes?',
    confirmText: (count: number, denomination: string, total: string) =>
      `Load ${count} notes of ${denomination} (${total}) into the dispenser? The ledger books it as cash moved from the vault to the ATM.`,
    loaded: (count: number, denomination: string) => `Loaded ${count} notes of ${denomination}.`,
    invalidCount: 'Enter a whole number of notes from 1 to 10,000.',
  },
  maintenance: {
    title: 'Maintenance',
    statusOn: 'The ATM is out of service (maintenance mode is on).',
    statusOff: 'The ATM is in service (maintenance mode is off).',
    explain: 'Maintenance mode stops customers using the ATM. The admin console keeps working.',
    turnOn: 'Turn maintenance on',
    turnOff: 'Turn maintenance off',
    confirmOnTitle: 'Turn maintenance on?',
    confirmOnText: 'Customers will not be able to use the ATM until it is turned off.',
    confirmOffTitle: 'Turn maintenance off?',
    confirmOffText: 'Customers will be able to use the ATM again.',
    changedOn: 'Maintenance mode is on.',
    changedOff: 'Maintenance mode is off.',
  },
  customers: {
    title: 'Customers',
    search: 'Search', // contract
    searchHint: 'Name, e-mail, account number or the last four digits of a card.',
    tableCaption: 'Customers',
    name: 'Name',
    email: 'E-mail',
    accounts: 'Accounts',
    cards: 'Cards',
    createdAt: 'Customer since',
    empty: 'No customer matches.',
  },
  customer: {
    title: 'Customer',
    back: 'All customers',
    email: 'E-mail',
    createdAt: 'Customer since',
    accountsTitle: 'Accounts',
    cardsTitle: 'Cards',
    noAccounts: 'No accounts.',
    noCards: 'No cards.',
    accountType: { CHECKING: 'Checking', SAVINGS: 'Savings' },
    accountStatus: { ACTIVE: 'Active', FROZEN: 'Frozen', CLOSED: 'Closed' },
    cardStatus: { ACTIVE: 'Active', LOCKED: 'Locked', BLOCKED: 'Blocked' },
    number: 'Number',
    status: 'Status',
    balance: 'Balance',
    available: 'Available',
    lockedUntil: 'Locked until',
    overdraft: 'Overdraft protection',
    overdraftFrom: 'From savings account',
    /** A region's name: the contract fixes "Checking ••••0001" and "Card ••••0028". */
    maskedAccount: (type: string, last4: string) => `${type} ••••${last4}`,
    maskedCard: (last4: string) => `Card ••••${last4}`,
    actions: {
      freeze: 'Freeze', // contract
      unfreeze: 'Unfreeze', // contract
      close: 'Close account', // contract
      block: 'Block card', // contract
      unlock: 'Unlock card', // contract
      linkOverdraft: 'Link overdraft protection',
      unlinkOverdraft: 'Unlink overdraft protection',
    },
    confirmTitle: {
      freeze: (target: string) => `Freeze ${target}?`,
      unfreeze: (target: string) => `Unfreeze ${target}?`,
      close: (target: string) => `Close ${target}?`,
      block: (target: string) => `Block ${target}?`,
      unlock: (target: string) => `Unlock ${target}?`,
      linkOverdraft: (target: string) => `Protect ${target} from overdrafts?`,
      unlinkOverdraft: (target: string) => `End overdraft protection of ${target}?`,
    },
    confirmText: {
      freeze: 'No money can move into or out of the account until it is unfrozen.',
      unfreeze: 'The customer can use the account again.',
      close:
        'A closed account cannot be used again. Only an account with a zero balance can be closed.',
      block: 'The card stops working at once and its sessions end. A blocked card stays blocked.',
      unlock: 'Clears the lockout after too many wrong PINs; the customer can sign in again.',
      linkOverdraft:
        'A withdrawal or transfer the account cannot cover takes the shortfall from this savings account.',
      unlinkOverdraft: 'A withdrawal or transfer the account cannot cover will be refused.',
    },
    done: {
      freeze: (target: string) => `${target} is frozen.`,
      unfreeze: (target: string) => `${target} is active again.`,
      close: (target: string) => `${target} is closed.`,
      block: (target: string) => `${target} is blocked.`,
      unlock: (target: string) => `${target} is unlocked.`,
      linkOverdraft: (target: string) => `${target} is protected from overdrafts.`,
      unlinkOverdraft: (target: string) => `${target} is no longer protected from overdrafts.`,
    },
  },
  audit: {
    title: 'Audit log',
    filters: 'Filters',
    type: 'Type',
    anyType: 'All types',
    actor: 'Actor',
    apply: 'Apply filters',
    tableCaption: 'Audit events, newest first',
    at: 'Time',
    subject: 'Concerns',
    customer: 'Customer',
    account: (number: string) => `Account ${number}`,
    card: (last4: string) => `Card ••••${last4}`,
    details: 'Details',
    empty: 'No audit event matches.',
  },
} as const;

type ProblemSentence = (problem: ProblemDetails) => string;

function untilText(iso: string | undefined): string {
  if (!iso) return 'for a while';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? 'for a while' : `until ${date.toLocaleString('en-US')}`;
}

/** One sentence per error code, told to an administrator (not to a customer at the ATM). */
export const errorSentences: Record<ErrorCode, ProblemSentence> = {
  VALIDATION_FAILED: (p) => {
    const first = p.errors?.[0];
    return first
      ? `The request was refused: ${first.field} ${first.message}.`
      : 'The request was refused as malformed. Please check what you entered.';
  },
  IDEMPOTENCY_KEY_REQUIRED: () => 'The console could not send this safely. Please try again.',
  UNAUTHENTICATED: () => strings.signIn.sessionEnded,
  SESSION_EXPIRED: () => strings.signIn.sessionTimedOut,
  INVALID_CREDENTIALS: (p) => {
    const left = p.attemptsRemaining;
    const base = 'The username, password or one-time code is not correct.';
    return left === undefined ? base : `${base} ${left} ${left === 1 ? 'try' : 'tries'} left.`;
  },
  CARD_BLOCKED: () => 'This card is already blocked.',
  FORBIDDEN: () => 'Your role does not allow this action.',
  NOT_FOUND: () => 'That could not be found. It may have been removed.',
  IDEMPOTENCY_IN_PROGRESS: () => 'This is still being processed. Please wait a moment.',
  STATEMENT_NOT_READY: () => 'The statement is not ready yet.',
  STATEMENT_GONE: () => 'The statement is no longer available.',
  IDEMPOTENCY_KEY_REUSED: () => 'This request clashes with an earlier one. Please start again.',
  INVALID_AMOUNT: () => 'That amount or count is not allowed.',
  INSUFFICIENT_FUNDS: () => 'The balance does not cover this.',
  DAILY_LIMIT_EXCEEDED: () => 'A daily limit would be passed.',
  SAME_ACCOUNT: () => 'The source and destination are the same account.',
  RECIPIENT_NOT_FOUND: () => 'There is no such account at this bank.',
  ACCOUNT_NOT_ACTIVE: () => 'The account is frozen or closed.',
  WEAK_PIN: () => 'That PIN is too easy to guess.',
  CANNOT_DISPENSE: () => 'The dispenser cannot make that amount.',
  ACCOUNT_NOT_EMPTY: () => 'The account still holds money, so it cannot be closed.',
  INVALID_OVERDRAFT_LINK: () => 'Only a savings account of the same customer can be linked.',
  ADMIN_LOCKED: (p) =>
    `Too many failed sign-ins from this address. Sign-in is locked ${untilText(p.lockedUntil)}.`,
  CARD_LOCKED: (p) => `The card is locked ${untilText(p.lockedUntil)}.`,
  RATE_LIMITED: () => 'Too many requests. Please wait a minute and try again.',
  SERVICE_UNAVAILABLE: () => 'The bank’s systems cannot be reached right now. Please try again.',
  MAINTENANCE: () => 'The service is in maintenance.',
  INTERNAL_ERROR: () => 'Something went wrong on the server. Please try again.',
};

export const NETWORK_ERROR_SENTENCE = 'The console could not reach the server. Please try again.';
