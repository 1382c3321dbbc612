import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type MoneyScreenProps, overdraftOf } from '../../../shared/flow/flow-types';
import { AmountField, amountKeypad } from '../../../shared/components/AmountField';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { formatDollars, formatMoney } from '../../../shared/format/format';
import { ConfirmStep } from '../../../shared/components/ConfirmStep';
import { AccountChoiceScreen, accountName, useAccountStep } from '../../accounts';
import { Screen } from '../../../shared/machine/components/Screen';
import { FormScreen } from '../../../shared/components/FormScreen';
import { useWithdraw } from '../hooks/useWithdraw';

export const FAST_CASH_CENTS = [2000, 4000, 6000, 10000, 20000] as const;
/** Cash comes in $20 notes; the server has the final word (WITHDRAWAL_MULTIPLE_CENTS). */
const NOTE_CENTS = 2000;

type Step = 'amount' | 'other' | 'confirm';

export function WithdrawScreen({ onBack, onCompleted }: MoneyScreenProps) {
  const { t } = useTranslation();
  const accountStep = useAccountStep(onBack);
  const { account } = accountStep;
  const [step, setStep] = useState<Step>('amount');
  const [amountCents, setAmountCents] = useState(0);
  const [otherCents, setOtherCents] = useState(0);
  const [inputError, setInputError] = useState<string | null>(null);
  const withdraw = useWithdraw();

  const chooseAmount = (cents: number) => {
    setAmountCents(cents);
    withdraw.forget();
    setStep('confirm');
  };
  const submitOther = () => {
    if (otherCents <= 0 || otherCents % NOTE_CENTS !== 0) {
      setInputError(t('withdraw.enterMultiple', { amount: formatMoney(NOTE_CENTS) }));
      return;
    }
    setInputError(null);
    chooseAmount(otherCents);
  };

  if (!account) return <AccountChoiceScreen screen="withdraw" accountStep={accountStep} />;

  const from = accountName(account);

  if (step === 'amount') {
    return (
      <Screen
        title={t('withdraw.title')}
        options={[
          ...FAST_CASH_CENTS.map((cents, i) => ({
            label: formatDollars(cents),
            onSelect: () => chooseAmount(cents),
            slot: (['L1', 'L2', 'L3', 'R1', 'R2'] as const)[i],
          })),
          { label: t('withdraw.otherAmount'), onSelect: () => setStep('other'), slot: 'R3' },
          { label: t('common.back'), onSelect: accountStep.back, slot: 'L4' },
        ]}
        keypad={{ onCancel: accountStep.back }}
      >
        <p className="lead">{t('withdraw.question')}</p>
        <p className="hint">
          {t('common.fromAvailable', {
            account: from,
            amount: formatMoney(account.availableBalanceCents),
          })}
        </p>
      </Screen>
    );
  }

  if (step === 'other') {
    return (
      <FormScreen
        title={t('withdraw.otherTitle')}
        submit={{ label: t('common.next'), onSelect: submitOther }}
        back={{ label: t('common.back'), onSelect: () => setStep('amount') }}
        editing={amountKeypad(otherCents, setOtherCents, 'dollars')}
      >
        <AmountField
          cents={otherCents}
          onChange={setOtherCents}
          mode="dollars"
          autoFocus
          hint={t('withdraw.multiples', { amount: formatMoney(NOTE_CENTS) })}
        />
        <ErrorAlert message={inputError} />
      </FormScreen>
    );
  }

  return (
    <ConfirmStep
      title={t('withdraw.confirmTitle')}
      rows={[
        [t('withdraw.withdraw'), formatMoney(amountCents)],
        [t('common.from'), from],
      ]}
      movement={withdraw}
      request={{ accountId: account.id, amountCents }}
      receipt={(result) => ({
        transaction: result.transaction,
        account,
        notes: result.notes,
        ...overdraftOf(result.overdraftTransfer, account),
      })}
      onCompleted={onCompleted}
      pendingMessage={t('withdraw.counting')}
      operation="withdraw"
      onBack={() => setStep('amount')}
    />
  );
}
