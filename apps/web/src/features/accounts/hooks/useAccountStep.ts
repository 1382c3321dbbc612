import { type Account } from '@atm/contracts';
import { useState } from 'react';
import { useAccounts } from './useAccounts';

/**
 * Money screens ask for the account first; with one account there is nothing to ask, so
 * that account is taken at once.
 *
 * @param onBack leaves the money screen (back to the main menu).
 */
export function useAccountStep(onBack: () => void) {
  const accounts = useAccounts();
  const [chosenId, setChosenId] = useState<string | null>(null);
  const list = accounts.data ?? [];
  const only = list.length === 1 ? list[0] : undefined;
  const account: Account | undefined = only ?? list.find((a) => a.id === chosenId);
  return {
    accounts,
    list,
    account,
    choose: (a: Account) => setChosenId(a.id),
    onBack,
    /** Back from the step after the choice: to the choice, or off the screen if it was skipped. */
    back: () => (only !== undefined ? onBack() : setChosenId(null)),
  };
}
