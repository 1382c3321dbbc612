import { CHECK_NUMBER_PATTERN, type DepositKind, type DepositRequest } from '@atm/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type MoneyScreenProps } from '../../../shared/flow/flow-types';
import { AmountField, amountKeypad } from '../../../shared/components/AmountField';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { formatMoney } from '../../../shared/format/format';
import { ConfirmStep } from '../../../shared/components/ConfirmStep';
import { AccountChoiceScreen, accountName, useAccountStep } from '../../accounts';
import { Screen } from '../../../shared/machine/components/Screen';
import { FormScreen } from '../../../shared/components/FormScreen';
import { TextField, textKeypad } from '../../../shared/components/TextField';
import { useDeposit } from '../hooks/useDeposit';

type Step = 'kind' | 'details' | 'confirm';
type Field = 'checkNumber' | 'amount';

/** Cash available at once from each deposit (the server has the final word). */
const CASH_AVAILABLE_AT_ONCE_CENTS = 20000;
/** A check number is 1 to 10 digits (CHECK_NUMBER_PATTERN). */
const CHECK_NUMBER_MAX_DIGITS = 10;

export function DepositScreen({ onBack, onCompleted }: MoneyScreenProps) {
  const { t } = useTranslation();
  const accountStep = useAccountStep(onBack);
  const { account } = accountStep;
  const [step, setStep] = useState<Step>('kind');
  const [kind, setKind] = useState<DepositKind>('CASH');
  const [checkNumber, setCheckNumber] = useState('');
  const [amountCents, setAmountCents] = useState(0);
  const [field, setField] = useState<Field>('amount');
  const [inputError, setInputError] = useState<string | null>(null);
  const deposit = useDeposit();

  if (!account) return <AccountChoiceScreen screen="deposit" accountStep={accountStep} />;
  const into = accountName(account);

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
          { label: t('common.back'), onSelect: accountStep.back, slot: 'L4' },
        ]}
        keypad={{ onCancel: accountStep.back }}
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
    return (
      <FormScreen
        title={kind === 'CHECK' ? t('deposit.checkTitle') : t('deposit.cashTitle')}
        submit={{ label: t('common.next'), onSelect: next }}
        back={{ label: t('common.back'), onSelect: () => setStep('kind') }}
        editing={
          field === 'checkNumber'
            ? textKeypad(checkNumber, setCheckNumber, CHECK_NUMBER_MAX_DIGITS)
            : amountKeypad(amountCents, setAmountCents, 'cents')
        }
      >
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
      </FormScreen>
    );
  }

  const request: DepositRequest =
    kind === 'CHECK' ? { amountCents, kind, checkNumber } : { amountCents, kind };
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
      request={{ accountId: account.id, request }}
      receipt={(result) => ({
        transaction: result.transaction,
        account,
        holds: result.holds,
        ...(kind === 'CHECK' ? { checkNumber } : {}),
      })}
      onCompleted={onCompleted}
      pendingMessage={t('deposit.taking')}
      operation="deposit"
      onBack={() => setStep('details')}
    />
  );
}
