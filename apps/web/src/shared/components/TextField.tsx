import { type InputHTMLAttributes } from 'react';
import { type KeypadEditing } from '../machine/hooks/keypad-context';

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'className' | 'onChange' | 'value'>;

export interface TextFieldProps extends InputProps {
  label: string;
  value: string;
  /** The text as typed, or, for a digits field, the digits alone. */
  onText: (text: string) => void;
  /** A field of digits (card, check and account numbers, PINs): at most this many. */
  digits?: number;
  /** A look from the stylesheet's `field__input--*` variants. */
  variant?: 'wide' | 'text' | 'pin';
  /** The field spans the whole form grid. */
  fullWidth?: boolean;
}

/**
 * A labelled input as the ATM's forms show it: the label wraps the input, so the input's
 * accessible name is exactly the label. Nothing typed is remembered by the browser.
 */
export function TextField({
  label,
  onText,
  digits,
  variant,
  fullWidth = false,
  type = 'text',
  ...input
}: TextFieldProps) {
  return (
    <label className={fullWidth ? 'field field--full' : 'field'}>
      <span className="field__label">{label}</span>
      <input
        className={variant ? `field__input field__input--${variant}` : 'field__input'}
        type={type}
        inputMode={digits === undefined ? undefined : 'numeric'}
        autoComplete="off"
        {...input}
        onChange={(e) =>
          onText(
            digits === undefined
              ? e.target.value
              : e.target.value.replace(/\D/g, '').slice(0, digits),
          )
        }
      />
    </label>
  );
}

/**
 * The keypad typing into a field of digits: a digit is added (up to `maxLength` of them),
 * Backspace drops the last, Clear empties the field.
 */
export function textKeypad(
  text: string,
  onText: (text: string) => void,
  maxLength = Number.POSITIVE_INFINITY,
): KeypadEditing {
  return {
    onDigit: (digit) => onText((text + digit).slice(0, maxLength)),
    onBackspace: () => onText(text.slice(0, -1)),
    onClear: () => onText(''),
  };
}
