import { useTranslation } from 'react-i18next';

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
    <label className="field">
      <span className="field__label">{t('transfer.toAccount')}</span>
      <input
        className="field__input"
        type="text"
        inputMode="numeric"
        autoComplete="off"
        placeholder="1000-0001-0001"
        autoFocus={autoFocus}
        value={maskAccountDigits(digits)}
        onFocus={onFocus}
        onChange={(e) => onChange(e.target.value.replace(/\D/g, '').slice(0, 12))}
      />
    </label>
  );
}
