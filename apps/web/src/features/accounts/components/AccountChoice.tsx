import { type Account, maskAccountNumber } from '@atm/contracts';
import { formatCents } from '@atm/money';
import { type ScreenOption } from '../../machine/components/Screen';
import { accountTypeName } from '../hooks/useAccounts';

/** "Checking ••••0001 · $5,250.00 available": the name starts with the account's type. */
export function accountChoiceLabel(account: Account): string {
  return `${accountTypeName(account)} ${maskAccountNumber(account.number)} · ${formatCents(account.availableBalanceCents)} available`;
}

export function accountOptions(
  accounts: Account[],
  onChoose: (account: Account) => void,
  disabled: (account: Account) => boolean = () => false,
): ScreenOption[] {
  return accounts.slice(0, 6).map((account) => ({
    label: accountChoiceLabel(account),
    onSelect: () => onChoose(account),
    disabled: disabled(account),
  }));
}
