import { type ReactNode } from 'react';
import { Screen, type ScreenOption } from '../machine/components/Screen';
import { type KeypadEditing } from '../machine/hooks/keypad-context';
import { ScreenForm } from './ScreenForm';

/** One way out of a form step: its option beside the screen, and the key that does the same. */
export interface FormStepAction {
  label: string;
  onSelect: () => void;
  disabled?: boolean;
}

export interface FormScreenProps {
  title: string;
  /** The way forward (bottom right, drawn stronger): Enter on the keypad or in a field. */
  submit: FormStepAction;
  /** The way back (bottom left): Cancel on the keypad. */
  back?: FormStepAction;
  /** What the keypad's digits, Backspace and Clear type into. */
  editing?: KeypadEditing;
  /** Shown above the fields. */
  intro?: ReactNode;
  /** Fields side by side where the screen is wide enough. */
  grid?: boolean;
  children: ReactNode;
}

/**
 * A screen that asks for something: its fields, the way forward and the way back. Each is
 * both an option beside the screen and a key on the keypad, so the options, the keypad and
 * a field's Enter always agree on what going on and going back do.
 */
export function FormScreen({
  title,
  submit,
  back,
  editing,
  intro,
  grid,
  children,
}: FormScreenProps) {
  const options: ScreenOption[] = [{ ...submit, slot: 'R4', primary: true }];
  if (back) options.push({ ...back, slot: 'L4' });
  return (
    <Screen
      title={title}
      options={options}
      keypad={{ ...editing, onEnter: submit.onSelect, onCancel: back?.onSelect }}
    >
      {intro}
      <ScreenForm onSubmit={submit.onSelect} grid={grid}>
        {children}
      </ScreenForm>
    </Screen>
  );
}
