import { isValidCardNumber } from '@atm/contracts';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CardReturned } from '../../../shared/flow/flow-types';
import { i18n } from '../../../shared/i18n/i18n';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { FormScreen } from '../../../shared/components/FormScreen';
import { TextField, textKeypad } from '../../../shared/components/TextField';
import { LanguageChoice } from './LanguageChoice';

/** Every card number has 16 digits (CARD_NUMBER_PATTERN). */
const CARD_NUMBER_MAX_DIGITS = 16;

export interface CardScreenProps {
  onInsert: (cardNumber: string) => void;
  returned?: CardReturned;
}

/**
 * Why the card came back, said in the language of the session that just ended (the screen
 * itself is back in English for the next customer).
 */
function ReturnedNotice({ returned }: { returned: CardReturned }) {
  if (returned.reason === 'locked' && returned.message) {
    return (
      <div lang={returned.language}>
        <ErrorAlert message={returned.message} />
      </div>
    );
  }
  const t = i18n.getFixedT(returned.language);
  return (
    <p className="notice" role="status" lang={returned.language}>
      {returned.message ?? t(`card.returned.${returned.reason}`)}
    </p>
  );
}

/** Groups what was typed as 4-digit blocks, the way it reads on the card. */
function groupCardDigits(digits: string): string {
  return digits.replace(/(\d{4})(?=\d)/g, '$1 ');
}

export function CardScreen({ onInsert, returned }: CardScreenProps) {
  const { t } = useTranslation();
  const [digits, setDigits] = useState('');
  const [error, setError] = useState<string | null>(null);
  const hintId = useId();
  const setFrom = (text: string) => {
    setDigits(text.replace(/\D/g, '').slice(0, CARD_NUMBER_MAX_DIGITS));
    setError(null);
  };
  const insert = () => {
    if (!isValidCardNumber(digits)) {
      setError(t('card.unreadable'));
      return;
    }
    onInsert(digits);
  };
  return (
    <FormScreen
      title={t('card.title')}
      submit={{ label: t('card.insert'), onSelect: insert }}
      editing={textKeypad(digits, setFrom)}
      intro={
        <>
          {returned ? <ReturnedNotice returned={returned} /> : null}
          <LanguageChoice />
        </>
      }
    >
      <TextField
        label={t('card.cardNumber')}
        variant="wide"
        digits={CARD_NUMBER_MAX_DIGITS}
        autoFocus
        aria-describedby={hintId}
        value={groupCardDigits(digits)}
        onText={setFrom}
      />
      <p id={hintId} className="hint">
        {t('card.hint')}
      </p>
      <ErrorAlert message={error} />
    </FormScreen>
  );
}
