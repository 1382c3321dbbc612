import {
  type Account,
  CHECK_NUMBER_PATTERN,
  type DepositKind,
  type DepositRequest,
} from '@atm/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Receipt } from '../../../shared/flow/flow-types';
import {
  AmountField,
  appendAmountDigit,
  dropAmountDigit,
} from '../../../shared/components/AmountField';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { formatMoney } from '../../../shared/format/format';
import { ConfirmStep } from '../../../shared/components/ConfirmStep';
import { AccountChoiceScreen, accountName, useAccountStep } from '../../accounts';
import { Screen } from '../../../shared/machine/components/Screen';
import { TextField } from '../../../shared/components/TextField';
import { useDeposit } from '../hooks/useDeposit';
import { ScreenForm } from '../../../shared/components/ScreenForm';

export interface DepositScreenProps {
  onBack: () => void;
  onCompleted: (receipt: Receipt) => void;
}

type Step = 'kind' | 'details' | 'confirm';
type Field = 'checkNumber' | 'amount';

/** Cash available at once from each deposit (the server has the final word). */
const CASH_AVAILABLE_AT_ONCE_CENTS = 20000;
/** A check number is 1 to 10 digits (CHECK_NUMBER_PATTERN). */
const CHECK_NUMBER_MAX_DIGITS = 10;

export function DepositScreen({ onBack, onCompleted }: DepositScreenProps) {
  const { t } = useTranslation();
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
        title={t('deposit.chooseTitle')}
        question={t('deposit.chooseQuestion')}
        accountStep={accountStep}
        onBack={onBack}
      />
    );
  }
  const into = accountName(account);
  const leaveKind = () => (accountStep.skipped ? onBack() : accountStep.reset());

  if (step === 'kind') {
    const choose = (next: DepositKind) => {
      setKind(next);
      setField(next === 'CHECK' ? 'checkNumber' : 'amount');
      setStep('details');
    };
    return (
      <Screen
        title={t('deposit.title')}
        options={[
          { label: t('deposit.cash'), onSelect: () => choose('CASH'), slot: 'R1' },
          { label: t('deposit.check'), onSelect: () => choose('CHECK'), slot: 'R2' },
          { label: t('common.back'), onSelect: leaveKind, slot: 'L4' },
        ]}
        keypad={{ onCancel: leaveKind }}
      >
        <p className="lead">{t('deposit.question', { account: into })}</p>
        <p className="hint">
          {t('deposit.rules', { amount: formatMoney(CASH_AVAILABLE_AT_ONCE_CENTS) })}
        </p>
      </Screen>
    );
  }

  if (step === 'details') {
    const next = () => {
      if (kind === 'CHECK' && !CHECK_NUMBER_PATTERN.test(checkNumber)) {
        setInputError(t('deposit.checkNumberInvalid'));
        return;
      }
      if (amountCents <= 0) {
        setInputError(t('deposit.amountMissing'));
        return;
      }
      setInputError(null);
      deposit.forget();
      setStep('confirm');
    };
    const typeDigit = (d: string) =>
      field === 'checkNumber'
        ? setCheckNumber((checkNumber + d).slice(0, CHECK_NUMBER_MAX_DIGITS))
        : setAmountCents(appendAmountDigit(amountCents, d, 'cents'));
    return (
      <Screen
        title={kind === 'CHECK' ? t('deposit.checkTitle') : t('deposit.cashTitle')}
        options={[
          { label: t('common.next'), onSelect: next, slot: 'R4', primary: true },
          { label: t('common.back'), onSelect: () => setStep('kind'), slot: 'L4' },
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
        <ScreenForm onSubmit={next}>
          {kind === 'CHECK' ? (
            <TextField
              label={t('deposit.checkNumber')}
              digits={CHECK_NUMBER_MAX_DIGITS}
              maxLength={CHECK_NUMBER_MAX_DIGITS}
              autoFocus
              value={checkNumber}
              onFocus={() => setField('checkNumber')}
              onText={setCheckNumber}
            />
          ) : null}
          <AmountField
            cents={amountCents}
            onChange={setAmountCents}
            autoFocus={kind === 'CASH'}
            onFocus={() => setField('amount')}
          />
          <ErrorAlert message={inputError} />
        </ScreenForm>
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
  return (
    <ConfirmStep
      title={t('deposit.confirmTitle')}
      rows={[
        [t('deposit.deposit'), formatMoney(amountCents)],
        [
          t('deposit.kind'),
          kind === 'CHECK' ? t('deposit.checkNo', { number: checkNumber }) : t('deposit.cash'),
        ],
        [t('common.into'), into],
      ]}
      movement={deposit}
      pendingMessage={t('deposit.taking')}
      operation="deposit"
      onConfirm={() => confirm(account)}
      onBack={() => setStep('details')}
    />
  );
}
