import { type MouseEvent, useContext } from 'react';
import { useTranslation } from 'react-i18next';
import { useAudioGuidance } from '../../speech/audio-guidance';
import { speech } from '../../speech/speech';
import { KeypadContext } from '../hooks/keypad-context';

const DIGIT_ROWS = [
  ['1', '2', '3'],
  ['4', '5', '6'],
  ['7', '8', '9'],
];

/** The function keys, top to bottom, and what each calls on the screen showing. */
const FUNCTION_KEYS = ['cancel', 'clear', 'enter'] as const;
const FUNCTION_HANDLERS = { cancel: 'onCancel', clear: 'onClear', enter: 'onEnter' } as const;

export interface KeypadProps {
  disabled?: boolean;
}

/** Keeps the focus in the field being typed into when a key is pressed with the mouse. */
function keepFocus(event: MouseEvent): void {
  event.preventDefault();
}

export function Keypad({ disabled = false }: KeypadProps) {
  const registry = useContext(KeypadContext);
  const { t } = useTranslation();
  const audio = useAudioGuidance();
  const digit = (d: string) => (
    <button
      key={d}
      type="button"
      className="keypad__key"
      disabled={disabled}
      onMouseDown={keepFocus}
      onClick={() => {
        // A digit may be part of a PIN: with audio guidance it is a tone, never a word.
        if (audio.on) speech.tone();
        registry.current.onDigit?.(d);
      }}
    >
      {d}
    </button>
  );
  return (
    <div className="keypad" role="group" aria-label={t('machine.keypad')}>
      <div className="keypad__digits">
        {DIGIT_ROWS.map((row) => row.map(digit))}
        <span className="keypad__blank" aria-hidden="true" />
        {digit('0')}
        <span className="keypad__blank" aria-hidden="true" />
      </div>
      <div className="keypad__functions">
        {FUNCTION_KEYS.map((key) => (
          <button
            key={key}
            type="button"
            className={`keypad__key keypad__key--${key}`}
            disabled={disabled}
            onMouseDown={keepFocus}
            onClick={() => registry.current[FUNCTION_HANDLERS[key]]?.()}
          >
            {t(`machine.${key}`)}
          </button>
        ))}
      </div>
    </div>
  );
}
