import { type FormEvent, type ReactNode } from 'react';

export interface ScreenFormProps {
  /** What Enter in a field does: the same as the screen's primary option. */
  onSubmit: () => void;
  /** Fields side by side where the screen is wide enough. */
  grid?: boolean;
  children: ReactNode;
}

/**
 * A screen's fields. The screen checks them itself and says what is wrong in its own
 * words, so the browser's validation bubbles are off and a submit never navigates.
 */
export function ScreenForm({ onSubmit, grid = false, children }: ScreenFormProps) {
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <form className={grid ? 'form form--grid' : 'form'} onSubmit={submit} noValidate>
      {children}
    </form>
  );
}
