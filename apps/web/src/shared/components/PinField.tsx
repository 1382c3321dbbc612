import { type Ref } from 'react';

export interface PinFieldProps {
  label: string;
  value: string;
  onChange: (pin: string) => void;
  onFocus?: () => void;
  autoFocus?: boolean;
  inputRef?: Ref<HTMLInputElement>;
  describedBy?: string;
}

export const PIN_MAX_LENGTH = 6;

/** A masked PIN field: digits only, 4 to 6 of them. */
export function PinField({
  label,
  value,
  onChange,
  onFocus,
  autoFocus,
  inputRef,
  describedBy,
}: PinFieldProps) {
  return (
    <label className="field">
      <span className="field__label">{label}</span>
      <input
        ref={inputRef}
        className="field__input field__input--pin"
        type="password"
        inputMode="numeric"
        autoComplete="off"
        maxLength={PIN_MAX_LENGTH}
        autoFocus={autoFocus}
        aria-describedby={describedBy}
        value={value}
        onFocus={onFocus}
        onChange={(e) => onChange(e.target.value.replace(/\D/g, '').slice(0, PIN_MAX_LENGTH))}
      />
    </label>
  );
}
