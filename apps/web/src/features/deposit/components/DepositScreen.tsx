import {
  type Account,
  CHECK_NUMBER_PATTERN,
  type DepositKind,
  type DepositRequest,
  maskAccountNumber,
} from '@atm/contracts';
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
import { useDeposit } from '../hooks/useDeposit';

export interface DepositScreenProps {
  onBack: () => void;
  onCompleted: (receipt: Receipt) => void;
}

type Step = 'kind' | 'details' | 'confirm';
type Field = 'checkNumber' | 'amount';

export function DepositScreen({ onBack, onCompleted }: DepositScreenProps) {
  const accountStep = useAccountStep();
  const { account } = accountStep;
  const [step, setStep] = useState<Step>('kind');
  const [kind, setKind] = useState<DepositKind>('CASH');
  const [checkNumber, setCheckNumber] = useState('');
  const [amountCents, setAmountCents] = useState(0);
  const [field, setField] = useState<Field>('amount');
  const [inputError, setInputError] = useState<string | null>(null);
  const deposit = useDeposit();

  if (!account) {
    return (
      <AccountChoiceScreen
        title="Deposit: choose an account"
        question="Which account is the deposit for?"
        accountStep={accountStep}
        onBack={onBack}
      />
    );
  }
  const into = `${accountTypeName(account)} ${maskAccountNumber(account.number)}`;
  const leaveKind = () => (accountStep.skipped ? onBack() : accountStep.reset());

  if (step === 'kind') {
    const choose = (next: DepositKind) => {
      setKind(next);
      setField(next === 'CHECK' ? 'checkNumber' : 'amount');
      setStep('details');
    };
    return (
      <Screen
        title="Deposit"
        options={[
          { label: 'Cash', onSelect: () => choose('CASH'), slot: 'R1' },
          { label: 'Check', onSelect: () => choose('CHECK'), slot: 'R2' },
          { label: 'Back', onSelect: leaveKind, slot: 'L4' },
        ]}
        keypad={{ onCancel: leaveKind }}
      >
        <p className="lead">What are you depositing into {into}?</p>
        <p className="hint">
          The first $200.00 of cash is available at once. Checks are held for one to two business
          days.
        </p>
      </Screen>
    );
  }

  if (step === 'details') {
    const next = () => {
      if (kind === 'CHECK' && !CHECK_NUMBER_PATTERN.test(checkNumber)) {
        setInputError('Enter the check number: 1 to 10 digits.');
        return;
      }
      if (amountCents <= 0) {
        setInputError('Enter the amount you are depositing.');
        return;
      }
      setInputError(null);
      deposit.forget();
      setStep('confirm');
    };
    const onSubmit = (event: FormEvent) => {
      event.preventDefault();
      next();
    };
    const typeDigit = (d: string) =>
      field === 'checkNumber'
        ? setCheckNumber((checkNumber + d).slice(0, 10))
        : setAmountCents(appendAmountDigit(amountCents, d, 'cents'));
    return (
      <Screen
        title={kind === 'CHECK' ? 'Deposit a check' : 'Deposit cash'}
        options={[
          { label: 'Back', onSelect: () => setStep('kind'), slot: 'L4' },
          { label: 'Next', onSelect: next, slot: 'R4', primary: true },
        ]}
        keypad={{
          onDigit: typeDigit,
          onBackspace: () =>
            field === 'checkNumber'
              ? setCheckNumber(checkNumber.slice(0, -1))
              : setAmountCents(dropAmountDigit(amountCents, 'cents')),
          onClear: () => (field === 'checkNumber' ? setCheckNumber('') : setAmountCents(0)),
          onEnter: next,
          onCancel: () => setStep('kind'),
        }}
      >
        <form className="form" onSubmit={onSubmit} noValidate>
          {kind === 'CHECK' ? (
            <label className="field">
              <span className="field__label">Check number</span>
              <input
                className="field__input"
                type="text"
                inputMode="numeric"
                autoComplete="off"
                autoFocus
                maxLength={10}
                value={checkNumber}
                onFocus={() => setField('checkNumber')}
                onChange={(e) => setCheckNumber(e.target.value.replace(/\D/g, '').slice(0, 10))}
              />
            </label>
          ) : null}
          <AmountField
            cents={amountCents}
            onChange={setAmountCents}
            autoFocus={kind === 'CASH'}
            onFocus={() => setField('amount')}
          />
          <ErrorAlert message={inputError} />
        </form>
      </Screen>
    );
  }

  const request: DepositRequest =
    kind === 'CHECK' ? { amountCents, kind, checkNumber } : { amountCents, kind };
  const confirm = (chosen: Account) =>
    deposit.submit(
      { accountId: chosen.id, request },
      {
        onSuccess: (result) =>
          onCompleted({
            transaction: result.transaction,
            account: chosen,
            holds: result.holds,
            ...(kind === 'CHECK' ? { checkNumber } : {}),
          }),
      },
    );
  const back = () => {
    deposit.forget();
    setStep('details');
  };
  return (
    <Screen
      title="Confirm your deposit"
      options={[
        { label: 'Back', onSelect: back, slot: 'L4', disabled: deposit.isPending },
        {
          label: 'Confirm',
          onSelect: () => confirm(account),
          slot: 'R4',
          primary: true,
          disabled: deposit.isPending,
        },
      ]}
      keypad={{ onEnter: () => confirm(account), onCancel: deposit.isPending ? undefined : back }}
    >
      <Summary
        rows={[
          ['Deposit', formatCents(amountCents)],
          ['Kind', kind === 'CHECK' ? `Check no. ${checkNumber}` : 'Cash'],
          ['Into', into],
        ]}
      />
      {deposit.isPending ? (
        <p className="notice" role="status">
          Taking your deposit…
        </p>
      ) : null}
      <ErrorAlert message={deposit.error ? errorMessage(deposit.error, 'deposit') : null} />
    </Screen>
  );
}
