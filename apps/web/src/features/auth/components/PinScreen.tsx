import { type LoginResponse, PIN_PATTERN } from '@atm/contracts';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../shared/api/http';
import { errorMessage } from '../../../shared/api/error-messages';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { PIN_MAX_LENGTH, PinField } from '../../../shared/components/PinField';
import { useLogin } from '../hooks/useLogin';
import { StatusNotice } from '../../../shared/components/StatusNotice';
import { FormScreen } from '../../../shared/components/FormScreen';
import { textKeypad } from '../../../shared/components/TextField';

export interface PinScreenProps {
  cardNumber: string;
  onSignedIn: (login: LoginResponse) => void;
  onCancel: () => void;
}

export function PinScreen({ cardNumber, onSignedIn, onCancel }: PinScreenProps) {
  const { t } = useTranslation();
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [locked, setLocked] = useState(false);
  const login = useLogin();
  const hintId = useId();

  const submit = () => {
    if (login.isPending || locked) return;
    if (!PIN_PATTERN.test(pin)) {
      setError(t('pin.invalid'));
      return;
    }
    setError(null);
    login.mutate(
      { cardNumber, pin },
      {
        onSuccess: (login) => onSignedIn(login),
        onError: (e) => {
          setPin('');
          if (e instanceof ApiError && (e.code === 'CARD_LOCKED' || e.code === 'CARD_BLOCKED'))
            setLocked(true);
          setError(errorMessage(e, 'sign-in'));
        },
      },
    );
  };
  const type = (next: string) => {
    if (!locked) setPin(next.slice(0, PIN_MAX_LENGTH));
  };

  return (
    <FormScreen
      title={t('pin.title')}
      submit={{ label: t('pin.signIn'), onSelect: submit, disabled: login.isPending || locked }}
      back={{ label: t('pin.returnCard'), onSelect: onCancel }}
      editing={textKeypad(pin, type)}
    >
      <PinField label={t('pin.label')} value={pin} onChange={type} autoFocus describedBy={hintId} />
      <p id={hintId} className="hint">
        {t('pin.hint', { last4: cardNumber.slice(-4) })}
      </p>
      <StatusNotice message={login.isPending ? t('pin.checking') : null} />
      <ErrorAlert message={error} />
    </FormScreen>
  );
}
