import { TextField } from './TextField';

export interface PinFieldProps {
  label: string;
  value: string;
  onChange: (pin: string) => void;
  onFocus?: () => void;
  autoFocus?: boolean;
  describedBy?: string;
}

export const PIN_MAX_LENGTH = 6;

/** A masked PIN field: digits only, 4 to 6 of them. */
export function PinField({ label, onChange, describedBy, ...input }: PinFieldProps) {
  return (
    <TextField
      {...input}
      label={label}
      variant="pin"
      type="password"
      digits={PIN_MAX_LENGTH}
      maxLength={PIN_MAX_LENGTH}
      aria-describedby={describedBy}
      onText={onChange}
    />
  );
}
