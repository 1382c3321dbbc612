import { isValidCardNumber } from '@atm/contracts';
import { type FormEvent, useId, useState } from 'react';
import { type CardReturnReason } from '../../../app/flow';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { Screen } from '../../machine/components/Screen';

export interface CardScreenProps {
  onInsert: (cardNumber: string) => void;
  returned?: { reason: CardReturnReason; message?: string };
}

const RETURN_SENTENCES: Record<CardReturnReason, string> = {
  exit: 'Thank you. Please take your card.',
  cancelled: 'Your card has been returned. Please take it.',
  expired: 'Your session timed out, so your card has been returned.',
  'signed-out': 'Your session has ended, so your card has been returned.',
  locked: 'Your card has been returned.',
};

/** Groups what was typed as 4-digit blocks, the way it reads on the card. */
function groupCardDigits(digits: string): string {
  return digits.replace(/(\d{4})(?=\d)/g, '$1 ');
}

export function CardScreen({ onInsert, returned }: CardScreenProps) {
  const [digits, setDigits] = useState('');
  const [error, setError] = useState<string | null>(null);
  const hintId = useId();
  const setFrom = (text: string) => {
    setDigits(text.replace(/\D/g, '').slice(0, 16));
    setError(null);
  };
  const insert = () => {
    if (!isValidCardNumber(digits)) {
      setError('That card number cannot be read. Check the 16 digits on the card.');
      return;
    }
    onInsert(digits);
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    insert();
  };
  return (
    <Screen
      title="Welcome"
      options={[{ label: 'Insert card', onSelect: insert, slot: 'R4', primary: true }]}
      keypad={{
        onDigit: (d) => setFrom(digits + d),
        onBackspace: () => setFrom(digits.slice(0, -1)),
        onClear: () => setFrom(''),
        onEnter: insert,
      }}
    >
      {returned ? (
        returned.reason === 'locked' && returned.message ? (
          <ErrorAlert message={returned.message} />
        ) : (
          <p className="notice" role="status">
            {returned.message ?? RETURN_SENTENCES[returned.reason]}
          </p>
        )
      ) : null}
      <form className="form" onSubmit={onSubmit} noValidate>
        <label className="field">
          <span className="field__label">Card number</span>
          <input
            className="field__input field__input--wide"
            type="text"
            inputMode="numeric"
            autoComplete="off"
            autoFocus
            aria-describedby={hintId}
            value={groupCardDigits(digits)}
            onChange={(e) => setFrom(e.target.value)}
          />
        </label>
        <p id={hintId} className="hint">
          Type the 16 digits on your card, then choose Insert card.
        </p>
        <ErrorAlert message={error} />
      </form>
    </Screen>
  );
}
