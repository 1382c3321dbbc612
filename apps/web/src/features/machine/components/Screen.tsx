import { createContext, type ReactNode, useContext, useId } from 'react';
import { type KeypadHandlers, useKeypad } from '../hooks/keypad-context';

export type SideSlot = 'L1' | 'L2' | 'L3' | 'L4' | 'R1' | 'R2' | 'R3' | 'R4';

export interface ScreenOption {
  label: string;
  onSelect: () => void;
  /** Where it sits beside the screen; by default the left column, then the right. */
  slot?: SideSlot;
  disabled?: boolean;
  /** The main way forward on this screen, drawn a little stronger. */
  primary?: boolean;
}

export interface ScreenProps {
  title: string;
  children?: ReactNode;
  options?: ScreenOption[];
  keypad?: KeypadHandlers;
  /** Shown under the title, such as the customer's name and the session countdown. */
  status?: ReactNode;
}

/** The line under every screen's title while a customer is signed in. */
export const ScreenStatusContext = createContext<ReactNode>(null);

const ALL_SLOTS: SideSlot[] = ['L1', 'L2', 'L3', 'L4', 'R1', 'R2', 'R3', 'R4'];

export function placeOptions(options: ScreenOption[]): Map<SideSlot, ScreenOption> {
  const placed = new Map<SideSlot, ScreenOption>();
  for (const option of options) if (option.slot) placed.set(option.slot, option);
  const free = ALL_SLOTS.filter((slot) => !placed.has(slot));
  for (const option of options) {
    if (option.slot) continue;
    const slot = free.shift();
    if (slot) placed.set(slot, option);
  }
  return placed;
}

function SideNubs({ side, placed }: { side: 'L' | 'R'; placed: Map<SideSlot, ScreenOption> }) {
  return (
    <>
      {([1, 2, 3, 4] as const).map((row) => {
        const option = placed.get(`${side}${row}`);
        const live = option !== undefined && !option.disabled;
        return (
          // The side buttons repeat the labelled buttons on the screen for the mouse; the
          // screen's own buttons are the ones a screen reader and the keyboard use.
          <button
            key={row}
            type="button"
            aria-hidden="true"
            tabIndex={-1}
            className={`side-nub side-nub--${side === 'L' ? 'left' : 'right'} side-nub--row${row}${live ? ' side-nub--live' : ''}`}
            disabled={!live}
            onClick={() => option?.onSelect()}
          />
        );
      })}
    </>
  );
}

/**
 * One screen of the ATM: the display with its title and body, the options labelled on the
 * display's edges, and the side buttons beside them. The keypad goes to this screen.
 */
export function Screen({ title, children, options = [], keypad = {}, status }: ScreenProps) {
  useKeypad(keypad);
  const sessionStatus = useContext(ScreenStatusContext);
  const titleId = useId();
  const placed = placeOptions(options);
  return (
    <section className="bezel" aria-labelledby={titleId}>
      <SideNubs side="L" placed={placed} />
      <div className="display">
        <div className="display__body">
          <h1 id={titleId} className="display__title" tabIndex={-1}>
            {title}
          </h1>
          {status ?? sessionStatus}
          <div className="display__content">{children}</div>
        </div>
        {ALL_SLOTS.filter((slot) => placed.has(slot)).map((slot) => {
          const option = placed.get(slot);
          if (!option) return null;
          return (
            <button
              key={slot}
              type="button"
              className={`option option--${slot}${option.primary ? ' option--primary' : ''}`}
              disabled={option.disabled}
              onClick={option.onSelect}
            >
              {option.label}
            </button>
          );
        })}
      </div>
      <SideNubs side="R" placed={placed} />
    </section>
  );
}
