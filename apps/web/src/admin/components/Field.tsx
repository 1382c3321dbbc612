import { type ReactNode, useId } from 'react';

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
export function Field({ label, hint, children }: FieldProps) {
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
