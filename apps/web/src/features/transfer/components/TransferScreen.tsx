import { formatAccountNumber, MEMO_MAX_LENGTH, normalizeAccountNumber } from '@atm/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type MoneyScreenProps, overdraftOf } from '../../../shared/flow/flow-types';
import { AmountField, amountKeypad } from '../../../shared/components/AmountField';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { formatMoney } from '../../../shared/format/format';
import { ConfirmStep } from '../../../shared/components/ConfirmStep';
import { AccountChoiceScreen, accountName, useAccountStep } from '../../accounts';
import { FormScreen } from '../../../shared/components/FormScreen';
import { TextField, textKeypad } from '../../../shared/components/TextField';
import { useTransfer } from '../hooks/useTransfer';
import { ACCOUNT_NUMBER_DIGITS, AccountNumberField } from './AccountNumberField';

type Field = 'to' | 'amount' | 'memo';

export function TransferScreen({ onBack, onCompleted }: MoneyScreenProps) {
  const { t } = useTranslation();
  const accountStep = useAccountStep(onBack);
  const { account } = accountStep;
  const [reviewing, setReviewing] = useState(false);
  const [toDigits, setToDigits] = useState('');
  const [amountCents, setAmountCents] = useState(0);
  const [memo, setMemo] = useState('');
  const [field, setField] = useState<Field>('to');
  const [inputError, setInputError] = useState<string | null>(null);
  const transfer = useTransfer();

  if (!account) return <AccountChoiceScreen screen="transfer" accountStep={accountStep} />;
  const from = accountName(account);
  const toNumber = normalizeAccountNumber(toDigits);

  if (!reviewing || !toNumber) {
    const next = () => {
      if (!toNumber) {
        setInputError(t('transfer.numberInvalid'));
        return;
      }
      if (toNumber === account.number) {
        setInputError(t('transfer.sameAccount'));
        return;
      }
      if (amountCents <= 0) {
        setInputError(t('transfer.amountMissing'));
        return;
      }
      setInputError(null);
      transfer.forget();
      setReviewing(true);
    };
    const keypadTarget = field === 'memo' ? 'to' : field;
    return (
      <FormScreen
        title={t('transfer.title')}
        submit={{ label: t('common.next'), onSelect: next }}
        back={{ label: t('common.back'), onSelect: accountStep.back }}
        editing={
          keypadTarget === 'to'
            ? textKeypad(toDigits, setToDigits, ACCOUNT_NUMBER_DIGITS)
            : amountKeypad(amountCents, setAmountCents, 'cents')
        }
        intro={
          <p className="hint">
            {t('common.fromAvailable', {
              account: from,
              amount: formatMoney(account.availableBalanceCents),
            })}
          </p>
        }
        grid
      >
        <AccountNumberField
          digits={toDigits}
          onChange={setToDigits}
          onFocus={() => setField('to')}
          autoFocus
        />
        <AmountField
          cents={amountCents}
          onChange={setAmountCents}
          onFocus={() => setField('amount')}
        />
        <TextField
          label={t('transfer.memo')}
          fullWidth
          variant="text"
          maxLength={MEMO_MAX_LENGTH}
          value={memo}
          onFocus={() => setField('memo')}
          onText={setMemo}
        />
        <ErrorAlert message={inputError} />
      </FormScreen>
    );
  }

  const trimmedMemo = memo.trim();
  return (
    <ConfirmStep
      title={t('transfer.confirmTitle')}
      rows={[
        [t('transfer.transfer'), formatMoney(amountCents)],
        [t('common.from'), from],
        [t('common.to'), formatAccountNumber(toNumber)],
        ...(trimmedMemo ? ([[t('common.memo'), trimmedMemo]] as Array<[string, string]>) : []),
      ]}
      movement={transfer}
      request={{
        fromAccountId: account.id,
        toAccountNumber: toNumber,
        amountCents,
        ...(trimmedMemo ? { memo: trimmedMemo } : {}),
      }}
      receipt={(result) => ({
        transaction: result.transaction,
        account,
        toAccountNumber: toNumber,
        ...(trimmedMemo ? { memo: trimmedMemo } : {}),
        ...overdraftOf(result.overdraftTransfer, account),
      })}
      onCompleted={onCompleted}
      pendingMessage={t('transfer.sending')}
      operation="transfer"
      onBack={() => setReviewing(false)}
    />
  );
}
