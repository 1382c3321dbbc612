import { type Account, maskAccountNumber } from '@atm/contracts';
import { formatCents } from '@atm/money';
import { type FormEvent, useState } from 'react';
import { type Receipt } from '../../../app/flow';
import { errorMessage } from '../../../shared/api/error-messages';
import {
  AmountField,
  appendAmountDigit,
  dropAmountDigit,
} from '../../../shared/components/AmountField';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { Summary } from '../../../shared/components/Summary';
import { AccountChoiceScreen } from '../../accounts/components/AccountChoice';
import { accountTypeName } from '../../accounts/hooks/useAccounts';
import { useAccountStep } from '../../accounts/hooks/useAccountStep';
import { Screen } from '../../machine/components/Screen';
import { useWithdraw } from '../hooks/useWithdraw';

export interface WithdrawScreenProps {
  onBack: () => void;
  onCompleted: (receipt: Receipt) => void;
}

export const FAST_CASH_CENTS = [2000, 4000, 6000, 10000, 20000] as const;
/** Cash comes in $20 notes; the server has the final word (WITHDRAWAL_MULTIPLE_CENTS). */
const NOTE_CENTS = 2000;

type Step = 'amount' | 'other' | 'confirm';

export function WithdrawScreen({ onBack, onCompleted }: WithdrawScreenProps) {
  const accountStep = useAccountStep();
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
      setInputError(`Enter an amount in multiples of ${formatCents(NOTE_CENTS)}.`);
      return;
    }
    setInputError(null);
    chooseAmount(otherCents);
  };
  const confirm = (chosen: Account) =>
    withdraw.submit(
      { accountId: chosen.id, amountCents },
      {
        onSuccess: (result) =>
          onCompleted({ transaction: result.transaction, account: chosen, notes: result.notes }),
      },
    );

  if (!account) {
    return (
      <AccountChoiceScreen
        title="Withdraw cash: choose an account"
        question="Which account should the cash come from?"
        accountStep={accountStep}
        onBack={onBack}
      />
    );
  }

  const leaveAmount = () => (accountStep.skipped ? onBack() : accountStep.reset());
  const from = `${accountTypeName(account)} ${maskAccountNumber(account.number)}`;

  if (step === 'amount') {
    return (
      <Screen
        title="Withdraw cash"
        options={[
          ...FAST_CASH_CENTS.map((cents, i) => ({
            label: formatCents(cents).replace(/\.00$/, ''),
            onSelect: () => chooseAmount(cents),
            slot: (['L1', 'L2', 'L3', 'R1', 'R2'] as const)[i],
          })),
          { label: 'Other amount', onSelect: () => setStep('other'), slot: 'R3' },
          { label: 'Back', onSelect: leaveAmount, slot: 'L4' },
        ]}
        keypad={{ onCancel: leaveAmount }}
      >
        <p className="lead">How much would you like?</p>
        <p className="hint">
          From {from}, {formatCents(account.availableBalanceCents)} available.
        </p>
      </Screen>
    );
  }

  if (step === 'other') {
    const onSubmit = (event: FormEvent) => {
      event.preventDefault();
      submitOther();
    };
    return (
      <Screen
        title="Withdraw cash: other amount"
        options={[
          { label: 'Back', onSelect: () => setStep('amount'), slot: 'L4' },
          { label: 'Next', onSelect: submitOther, slot: 'R4', primary: true },
        ]}
        keypad={{
          onDigit: (d) => setOtherCents(appendAmountDigit(otherCents, d, 'dollars')),
          onBackspace: () => setOtherCents(dropAmountDigit(otherCents, 'dollars')),
          onClear: () => setOtherCents(0),
          onEnter: submitOther,
          onCancel: () => setStep('amount'),
        }}
      >
        <form className="form" onSubmit={onSubmit} noValidate>
          <AmountField
            cents={otherCents}
            onChange={setOtherCents}
            mode="dollars"
            autoFocus
            hint={`In multiples of ${formatCents(NOTE_CENTS)}`}
          />
          <ErrorAlert message={inputError} />
        </form>
      </Screen>
    );
  }

  const back = () => {
    withdraw.forget();
    setStep('amount');
  };
  return (
    <Screen
      title="Confirm your withdrawal"
      options={[
        { label: 'Back', onSelect: back, slot: 'L4', disabled: withdraw.isPending },
        {
          label: 'Confirm',
          onSelect: () => confirm(account),
          slot: 'R4',
          primary: true,
          disabled: withdraw.isPending,
        },
      ]}
      keypad={{ onEnter: () => confirm(account), onCancel: withdraw.isPending ? undefined : back }}
    >
      <Summary
        rows={[
          ['Withdraw', formatCents(amountCents)],
          ['From', from],
        ]}
      />
      {withdraw.isPending ? (
        <p className="notice" role="status">
          Counting your cash…
        </p>
      ) : null}
      <ErrorAlert message={withdraw.error ? errorMessage(withdraw.error, 'withdraw') : null} />
    </Screen>
  );
}
