import { type NoteCount } from '@atm/contracts';
import { type ReactNode, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../format/format';
import { i18n } from '../../i18n/i18n';
import { AudioGuidanceControls } from '../../speech/AudioGuidanceControls';
import { KeypadContext, type KeypadRegistry } from '../hooks/keypad-context';
import { usePhysicalKeyboard } from '../hooks/usePhysicalKeyboard';
import { Keypad } from './Keypad';

export type CardSlotState = 'empty' | 'inside' | 'returned';

export interface MachineProps {
  children: ReactNode;
  card: CardSlotState;
  /** Notes in the cash dispenser's tray, after a withdrawal. */
  notes?: NoteCount[];
  /** Lines printed on the paper in the receipt printer. */
  receiptLines?: string[];
  /** False while a dialog covers the machine. */
  interactive?: boolean;
}

function noteLabel(notes: NoteCount[]): string {
  return notes
    .map((n) =>
      i18n.t('machine.notes', { count: n.count, amount: formatMoney(n.denominationCents) }),
    )
    .join(', ');
}

/** The ATM's housing: display with side buttons, keypad, card slot, receipt printer, cash dispenser. */
export function Machine({ children, card, notes, receiptLines, interactive = true }: MachineProps) {
  const registry = useRef<KeypadRegistry>({ current: {} }).current;
  const { t } = useTranslation();
  usePhysicalKeyboard(registry, interactive);
  const noteCount = notes?.reduce((sum, n) => sum + n.count, 0) ?? 0;
  return (
    <KeypadContext.Provider value={registry}>
      <main className="machine" inert={!interactive}>
        <header className="machine__brand">
          <span className="machine__logo" aria-hidden="true">
            ◆
          </span>
          <span className="machine__bank">{t('machine.bank')}</span>
          <span className="machine__tag">{t('machine.atm')}</span>
          <AudioGuidanceControls />
        </header>
        <div className="machine__console">{children}</div>
        <div className="machine__controls">
          <Keypad disabled={!interactive} />
          <div className="machine__slots">
            <div className={`card-slot card-slot--${card}`}>
              <span className="slot-label">{t('machine.card')}</span>
              <div className="card-slot__mouth">
                <span className="card-slot__card" aria-hidden="true" />
              </div>
              <span className="card-slot__light" aria-hidden="true" />
            </div>
            <div className={`printer${receiptLines ? ' printer--printing' : ''}`}>
              <span className="slot-label">{t('machine.receipt')}</span>
              <div className="printer__mouth" />
              {receiptLines ? (
                <div className="printer__paper" aria-hidden="true">
                  {receiptLines.map((line, i) => (
                    <span key={i}>{line}</span>
                  ))}
                </div>
              ) : null}
            </div>
          </div>
        </div>
        <div className={`dispenser${noteCount > 0 ? ' dispenser--open' : ''}`}>
          <span className="slot-label">{t('machine.cash')}</span>
          <div className="dispenser__mouth">
            {notes && noteCount > 0 ? (
              <div
                className="dispenser__notes"
                role="img"
                aria-label={t('machine.cashDispensed', { notes: noteLabel(notes) })}
              >
                {Array.from({ length: Math.min(noteCount, 6) }, (_, i) => (
                  <span key={i} className="note" />
                ))}
              </div>
            ) : null}
          </div>
        </div>
      </main>
    </KeypadContext.Provider>
  );
}
