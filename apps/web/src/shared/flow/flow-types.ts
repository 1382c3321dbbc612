import {
  type Account,
  type DepositHold,
  type Language,
  type NoteCount,
  type Transaction,
} from '@atm/contracts';

// The words the ATM's screens and its flow share. They live in shared/ so that a feature
// names what it hands back (a receipt, a menu choice, why the card came back) without
// importing the app that routes between features.

/** What the receipt printer prints after a completed transaction. */
export interface Receipt {
  transaction: Transaction;
  account: Pick<Account, 'id' | 'number' | 'type'>;
  notes?: NoteCount[];
  holds?: DepositHold[];
  checkNumber?: string;
  toAccountNumber?: string;
  memo?: string;
  /** The sweep from the linked savings account (overdraft protection), when there was one. */
  overdraft?: OverdraftSweep;
}

/** How much the linked savings account covered, and which one (masked to its last four). */
interface OverdraftSweep {
  amountCents: number;
  fromAccountNumber: string;
}

/** The receipt's overdraft line from a withdrawal's or transfer's answer, when it swept. */
export function overdraftOf(
  sweep: Transaction | null | undefined,
  account: Pick<Account, 'overdraftFromAccountNumber'>,
): { overdraft: OverdraftSweep } | Record<string, never> {
  if (!sweep || !account.overdraftFromAccountNumber) return {};
  return {
    overdraft: {
      amountCents: sweep.amountCents,
      fromAccountNumber: account.overdraftFromAccountNumber,
    },
  };
}

/** A screen that moves money: back to the main menu, or on to the receipt of what it did. */
export interface MoneyScreenProps {
  onBack: () => void;
  onCompleted: (receipt: Receipt) => void;
}

/** The screens reachable from the main menu. */
export type MenuScreen =
  'balance' | 'withdraw' | 'deposit' | 'transfer' | 'statements' | 'change-pin';

/** Why the card came back: each reason has a sentence on the card screen. */
export type CardReturnReason = 'exit' | 'cancelled' | 'expired' | 'signed-out' | 'locked';

/** The card came back: why, and in which language the session that ended was. */
export interface CardReturned {
  reason: CardReturnReason;
  message?: string;
  language: Language;
}
