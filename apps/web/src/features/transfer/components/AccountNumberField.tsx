import { useTranslation } from 'react-i18next';
import { TextField } from '../../../shared/components/TextField';

/** Every account number has 12 digits (ACCOUNT_NUMBER_PATTERN). */
export const ACCOUNT_NUMBER_DIGITS = 12;

export interface AccountNumberFieldProps {
  digits: string;
  onChange: (digits: string) => void;
  onFocus?: () => void;
  autoFocus?: boolean;
}

/** `100000010001` shown as `1000-0001-0001` while it is typed. */
export function maskAccountDigits(digits: string): string {
  return digits.replace(/^(\d{4})(\d{1,4})?(\d{1,4})?$/, (_m, a: string, b?: string, c?: string) =>
    [a, b, c].filter(Boolean).join('-'),
  );
}

export function AccountNumberField({
  digits,
  onChange,
  onFocus,
  autoFocus,
}: AccountNumberFieldProps) {
  const { t } = useTranslation();
  return (
    <TextField
      label={t('transfer.toAccount')}
      digits={ACCOUNT_NUMBER_DIGITS}
      placeholder="1000-0001-0001"
      autoFocus={autoFocus}
      value={maskAccountDigits(digits)}
      onFocus={onFocus}
      onText={onChange}
    />
  );
}
