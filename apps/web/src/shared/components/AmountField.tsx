import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDollars, formatMoney } from '../format/format';
import { type KeypadEditing } from '../machine/hooks/keypad-context';

export interface AmountFieldProps {
  label?: string;
  cents: number;
  onChange: (cents: number) => void;
  /** `dollars`: each digit is a whole dollar (cash); `cents`: digits shift in from the right. */
  mode?: 'cents' | 'dollars';
  autoFocus?: boolean;
  onFocus?: () => void;
  hint?: string;
}

const MAX_DIGITS = 9;

/** The amount as ATMs take it: the digits typed, read as money, never a float. */
export function amountFromDigits(digits: string, mode: 'cents' | 'dollars'): number {
  const trimmed = digits.replace(/\D/g, '').replace(/^0+/, '').slice(0, MAX_DIGITS);
  const value = trimmed === '' ? 0 : Number(trimmed);
  return mode === 'dollars' ? value * 100 : value;
}

export function amountDigits(cents: number, mode: 'cents' | 'dollars'): string {
  if (cents === 0) return '';
  return String(mode === 'dollars' ? Math.trunc(cents / 100) : cents);
}

function appendAmountDigit(cents: number, digit: string, mode: 'cents' | 'dollars'): number {
  return amountFromDigits(amountDigits(cents, mode) + digit, mode);
}

function dropAmountDigit(cents: number, mode: 'cents' | 'dollars'): number {
  return amountFromDigits(amountDigits(cents, mode).slice(0, -1), mode);
}

/** The keypad typing into an amount: a digit shifts in, Backspace drops one, Clear is zero. */
export function amountKeypad(
  cents: number,
  onChange: (cents: number) => void,
  mode: 'cents' | 'dollars',
): KeypadEditing {
  return {
    onDigit: (digit) => onChange(appendAmountDigit(cents, digit, mode)),
    onBackspace: () => onChange(dropAmountDigit(cents, mode)),
    onClear: () => onChange(0),
  };
}

function display(cents: number, mode: 'cents' | 'dollars'): string {
  return mode === 'dollars' ? formatDollars(cents) : formatMoney(cents);
}

export function AmountField({
  label,
  cents,
  onChange,
  mode = 'cents',
  autoFocus,
  onFocus,
  hint,
}: AmountFieldProps) {
  const { t } = useTranslation();
  const hintId = useId();
  return (
    <div className="field">
      <label className="field__label" htmlFor={`${hintId}-input`}>
        {label ?? t('common.amount')}
      </label>
      <input
        id={`${hintId}-input`}
        aria-describedby={hint ? hintId : undefined}
        className="field__input field__input--money"
        type="text"
        inputMode="numeric"
        autoComplete="off"
        autoFocus={autoFocus}
        value={display(cents, mode)}
        onFocus={onFocus}
        onChange={(e) => {
          // Whatever was typed or deleted, the digits left are the amount.
          const digits = e.target.value.replace(/\D/g, '');
          const shown = mode === 'dollars' ? digits : digits.replace(/^0+/, '');
          onChange(amountFromDigits(shown, mode));
        }}
      />
      {hint ? (
        <span id={hintId} className="field__hint">
          {hint}
        </span>
      ) : null}
    </div>
  );
}
