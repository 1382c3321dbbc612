import { type InputHTMLAttributes, type ReactNode, useId } from 'react';

/** What a field's control needs to be named by its label and described by its hint. */
export interface FieldControlProps {
  id: string;
  'aria-describedby': string | undefined;
}

export interface FieldProps {
  label: string;
  /** A sentence under the control, read with it by screen readers. */
  hint?: string;
  /** The control (an input or a select), given the id and description to carry. */
  children: (control: FieldControlProps) => ReactNode;
}

/** A labelled form control, as every console form lays it out. */
function Field({ label, hint, children }: FieldProps) {
  const id = useId();
  const hintId = useId();
  return (
    <div className="admin-field">
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-describedby': hint ? hintId : undefined })}
      {hint ? (
        <p id={hintId} className="admin-field__hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

type InputProps = Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'id' | 'aria-describedby' | 'value' | 'onChange'
>;

export interface InputFieldProps extends InputProps {
  label: string;
  hint?: string;
  value: string;
  /** The text as typed. */
  onText: (text: string) => void;
}

/** A labelled text input, the console's most common field. */
export function InputField({ label, hint, onText, ...input }: InputFieldProps) {
  return (
    <Field label={label} hint={hint}>
      {(control) => <input {...control} {...input} onChange={(e) => onText(e.target.value)} />}
    </Field>
  );
}

export interface SelectFieldProps {
  label: string;
  value: string;
  onChoose: (value: string) => void;
  /** Each choice's value and the words shown for it, in the order offered. */
  choices: ReadonlyArray<readonly [value: string, text: string]>;
}

/** A labelled choice among a few values. */
export function SelectField({ label, value, onChoose, choices }: SelectFieldProps) {
  return (
    <Field label={label}>
      {(control) => (
        <select {...control} value={value} onChange={(e) => onChoose(e.target.value)}>
          {choices.map(([choice, text]) => (
            <option key={choice} value={choice}>
              {text}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
