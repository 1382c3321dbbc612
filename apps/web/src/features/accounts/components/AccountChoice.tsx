import { type Account, maskAccountNumber } from '@atm/contracts';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../shared/api/error-messages';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { formatMoney } from '../../../shared/format/format';
import { type MenuScreen } from '../../../shared/flow/flow-types';
import { i18n } from '../../../shared/i18n/i18n';
import { Screen, type ScreenOption } from '../../../shared/machine/components/Screen';
import { type useAccountStep } from '../hooks/useAccountStep';
import { accountTypeName } from '../hooks/useAccounts';
import { StatusNotice } from '../../../shared/components/StatusNotice';

/** "Checking ••••0001 · $5,250.00 available": the name starts with the account's type. */
export function accountChoiceLabel(account: Account): string {
  return i18n.t('accountChoice', {
    type: accountTypeName(account),
    number: maskAccountNumber(account.number),
    amount: formatMoney(account.availableBalanceCents),
  });
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

export interface AccountChoiceScreenProps {
  /** The money screen asking: its words hold the step's title and question. */
  screen: Extract<MenuScreen, 'withdraw' | 'deposit' | 'transfer' | 'statements'>;
  accountStep: ReturnType<typeof useAccountStep>;
}

/** The first step of every money screen: which account (skipped with a single account). */
export function AccountChoiceScreen({ screen, accountStep }: AccountChoiceScreenProps) {
  const { t } = useTranslation();
  const { onBack } = accountStep;
  return (
    <Screen
      title={t(`${screen}.chooseTitle`)}
      options={[
        ...accountOptions(accountStep.list, accountStep.choose),
        { label: t('common.mainMenu'), onSelect: onBack, slot: 'L4' },
      ]}
      keypad={{ onCancel: onBack }}
    >
      <StatusNotice message={accountStep.accounts.isPending ? t('common.loadingAccounts') : null} />
      {accountStep.accounts.isError ? (
        <ErrorAlert message={errorMessage(accountStep.accounts.error, 'view')} />
      ) : null}
      <p className="lead">{t(`${screen}.chooseQuestion`)}</p>
    </Screen>
  );
}
