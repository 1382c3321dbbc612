import { PIN_PATTERN } from '@atm/contracts';
import { type FormEvent, useState } from 'react';
import { ApiError } from '../../../shared/api/http';
import { errorMessage } from '../../../shared/api/error-messages';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { PIN_MAX_LENGTH, PinField } from '../../../shared/components/PinField';
import { Screen } from '../../machine/components/Screen';
import { useChangePin } from '../hooks/useChangePin';

export interface ChangePinScreenProps {
  onBack: () => void;
  onDone: () => void;
  /** The card locked on a wrong current PIN: the session is over. */
  onLocked: (message: string) => void;
}

type Step = 'current' | 'new' | 'again' | 'done';

const STEPS: Record<Exclude<Step, 'done'>, { title: string; label: string; prompt: string }> = {
  current: { title: 'Change PIN', label: 'Current PIN', prompt: 'Enter your current PIN.' },
  new: {
    title: 'Change PIN: new PIN',
    label: 'New PIN',
    prompt: 'Choose a new PIN of 4 to 6 digits.',
  },
  again: {
    title: 'Change PIN: once more',
    label: 'New PIN again',
    prompt: 'Enter the new PIN again.',
  },
};

export function ChangePinScreen({ onBack, onDone, onLocked }: ChangePinScreenProps) {
  const [step, setStep] = useState<Step>('current');
  const [pins, setPins] = useState({ current: '', new: '', again: '' });
  const [error, setError] = useState<string | null>(null);
  const change = useChangePin();

  if (step === 'done') {
    return (
      <Screen
        title="PIN changed"
        options={[
          { label: 'Main menu', onSelect: onBack, slot: 'R3' },
          { label: 'Done', onSelect: onDone, slot: 'R4', primary: true },
        ]}
        keypad={{ onEnter: onBack, onCancel: onDone }}
      >
        <p className="lead" role="status">
          Your PIN has been changed. Use the new PIN from now on.
        </p>
      </Screen>
    );
  }

  const value = pins[step];
  const setValue = (next: string) => setPins({ ...pins, [step]: next.slice(0, PIN_MAX_LENGTH) });
  const back = () => {
    setError(null);
    if (step === 'current') onBack();
    else setStep(step === 'again' ? 'new' : 'current');
  };
  const send = () => {
    change.mutate(
      { currentPin: pins.current, newPin: pins.new },
      {
        onSuccess: () => setStep('done'),
        onError: (e) => {
          const message = errorMessage(e, 'change-pin');
          if (e instanceof ApiError && e.code === 'CARD_LOCKED') {
            onLocked(message);
            return;
          }
          setError(message);
          if (e instanceof ApiError && e.code === 'INVALID_CREDENTIALS') {
            setPins({ current: '', new: '', again: '' });
            setStep('current');
          } else if (e instanceof ApiError && e.code === 'WEAK_PIN') {
            setPins({ ...pins, new: '', again: '' });
            setStep('new');
          }
        },
      },
    );
  };
  const next = () => {
    if (change.isPending) return;
    if (!PIN_PATTERN.test(value)) {
      setError('A PIN is 4 to 6 digits.');
      return;
    }
    setError(null);
    if (step === 'current') setStep('new');
    else if (step === 'new') setStep('again');
    else if (pins.again !== pins.new) {
      setError('The two new PINs are not the same. Please choose the new PIN again.');
      setPins({ ...pins, new: '', again: '' });
      setStep('new');
    } else send();
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    next();
  };
  const { title, label, prompt } = STEPS[step];
  return (
    <Screen
      title={title}
      options={[
        { label: 'Back', onSelect: back, slot: 'L4', disabled: change.isPending },
        {
          label: step === 'again' ? 'Save PIN' : 'Next',
          onSelect: next,
          slot: 'R4',
          primary: true,
          disabled: change.isPending,
        },
      ]}
      keypad={{
        onDigit: (d) => setValue(value + d),
        onBackspace: () => setValue(value.slice(0, -1)),
        onClear: () => setValue(''),
        onEnter: next,
        onCancel: back,
      }}
    >
      <form className="form" onSubmit={onSubmit} noValidate>
        <p className="lead">{prompt}</p>
        <PinField key={step} label={label} value={value} onChange={setValue} autoFocus />
        {change.isPending ? (
          <p className="notice" role="status">
            Changing your PIN…
          </p>
        ) : null}
        <ErrorAlert message={error} />
      </form>
    </Screen>
  );
}
