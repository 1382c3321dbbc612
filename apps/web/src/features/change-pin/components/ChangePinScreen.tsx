import { PIN_PATTERN } from '@atm/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../shared/api/http';
import { errorMessage } from '../../../shared/api/error-messages';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { PIN_MAX_LENGTH, PinField } from '../../../shared/components/PinField';
import { Screen } from '../../../shared/machine/components/Screen';
import { useChangePin } from '../hooks/useChangePin';
import { StatusNotice } from '../../../shared/components/StatusNotice';
import { FormScreen } from '../../../shared/components/FormScreen';
import { textKeypad } from '../../../shared/components/TextField';

export interface ChangePinScreenProps {
  onBack: () => void;
  onDone: () => void;
  /** The card locked on a wrong current PIN: the session is over. */
  onLocked: (message: string) => void;
}

type Step = 'current' | 'new' | 'again' | 'done';

const STEPS = {
  current: {
    title: 'changePin.currentTitle',
    label: 'changePin.currentLabel',
    prompt: 'changePin.currentPrompt',
  },
  new: { title: 'changePin.newTitle', label: 'changePin.newLabel', prompt: 'changePin.newPrompt' },
  again: {
    title: 'changePin.againTitle',
    label: 'changePin.againLabel',
    prompt: 'changePin.againPrompt',
  },
} as const satisfies Record<Exclude<Step, 'done'>, Record<string, `changePin.${string}`>>;

export function ChangePinScreen({ onBack, onDone, onLocked }: ChangePinScreenProps) {
  const { t } = useTranslation();
  const [step, setStep] = useState<Step>('current');
  const [pins, setPins] = useState({ current: '', new: '', again: '' });
  const [error, setError] = useState<string | null>(null);
  const change = useChangePin();

  if (step === 'done') {
    return (
      <Screen
        title={t('changePin.doneTitle')}
        options={[
          { label: t('common.done'), onSelect: onDone, slot: 'R4', primary: true },
          { label: t('common.mainMenu'), onSelect: onBack, slot: 'R3' },
        ]}
        keypad={{ onEnter: onBack, onCancel: onDone }}
      >
        <p className="lead" role="status">
          {t('changePin.done')}
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
      setError(t('changePin.invalid'));
      return;
    }
    setError(null);
    if (step === 'current') setStep('new');
    else if (step === 'new') setStep('again');
    else if (pins.again !== pins.new) {
      setError(t('changePin.mismatch'));
      setPins({ ...pins, new: '', again: '' });
      setStep('new');
    } else send();
  };
  const { title, label, prompt } = STEPS[step];
  return (
    <FormScreen
      title={t(title)}
      submit={{
        label: step === 'again' ? t('changePin.save') : t('common.next'),
        onSelect: next,
        disabled: change.isPending,
      }}
      back={{ label: t('common.back'), onSelect: back, disabled: change.isPending }}
      editing={textKeypad(value, setValue)}
    >
      <p className="lead">{t(prompt)}</p>
      <PinField key={step} label={t(label)} value={value} onChange={setValue} autoFocus />
      <StatusNotice message={change.isPending ? t('changePin.changing') : null} />
      <ErrorAlert message={error} />
    </FormScreen>
  );
}
