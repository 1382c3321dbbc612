import { type Account } from '@atm/contracts';
import { useState } from 'react';
import { useAccounts } from './useAccounts';

/**
 * Money screens ask for the account first; with one account there is nothing to ask, so
 * that account is taken at once.
 */
export function useAccountStep() {
  const accounts = useAccounts();
  const [chosenId, setChosenId] = useState<string | null>(null);
  const list = accounts.data ?? [];
  const only = list.length === 1 ? list[0] : undefined;
  const account: Account | undefined = only ?? list.find((a) => a.id === chosenId);
  return {
    accounts,
    list,
    account,
    /** True when going back from the next step should leave the screen. */
    skipped: only !== undefined,
    choose: (a: Account) => setChosenId(a.id),
    reset: () => setChosenId(null),
  };
}
