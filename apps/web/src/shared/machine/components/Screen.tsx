import { createContext, type ReactNode, useContext, useEffect, useId, useRef } from 'react';
import { currentLanguage } from '../../i18n/i18n';
import { useAudioGuidance } from '../../speech/audio-guidance';
import { speech } from '../../speech/speech';
import { screenSpeech, speakable } from '../../speech/speech-text';
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
 * With audio guidance on, a screen says its title, its message and its choices when it
 * appears (again, in full, when headphones are connected), and any error that shows up on
 * it; leaving the screen stops the speech.
 */
function useScreenSpeech(title: string, options: ScreenOption[]) {
  const audio = useAudioGuidance();
  const body = useRef<HTMLDivElement>(null);
  const language = currentLanguage();
  const choices = options.filter((o) => !o.disabled).map((o) => o.label);
  const choicesKey = choices.join('\n');
  useEffect(() => {
    if (!audio.on) return;
    speech.say(
      screenSpeech(
        { title, body: body.current, choices: choicesKey ? choicesKey.split('\n') : [] },
        language,
        audio.headphones,
      ),
      language,
    );
  }, [audio.on, audio.headphones, audio.repeat, title, choicesKey, language]);
  useEffect(() => {
    const element = body.current;
    if (!audio.on || !element) return;
    // Errors appear after the screen: each new alert is said as it shows up.
    const said = new Set<string>();
    const observer = new MutationObserver(() => {
      for (const alert of element.querySelectorAll('[role="alert"]')) {
        const text = alert.textContent?.trim() ?? '';
        if (text && !said.has(text)) {
          said.add(text);
          speech.say(speakable(text, language, audio.headphones), language);
        }
      }
    });
    observer.observe(element, { childList: true, subtree: true, characterData: true });
    return () => observer.disconnect();
  }, [audio.on, audio.headphones, language]);
  useEffect(() => () => speech.stop(), []);
  return body;
}

/**
 * One screen of the ATM: the display with its title and body, the options labelled on the
 * display's edges, and the side buttons beside them. The keypad goes to this screen.
 * The options' buttons follow the order they are given in (Back last), which is the order
 * a screen reader, the keyboard and a phone's single column use; on a wide screen each sits
 * at its slot beside the display.
 */
export function Screen({ title, children, options = [], keypad = {}, status }: ScreenProps) {
  useKeypad(keypad);
  const sessionStatus = useContext(ScreenStatusContext);
  const titleId = useId();
  const placed = placeOptions(options);
  const slotOf = new Map([...placed].map(([slot, option]) => [option, slot]));
  const body = useScreenSpeech(title, options);
  return (
    <section className="bezel" aria-labelledby={titleId}>
      <SideNubs side="L" placed={placed} />
      <div className="display">
        <div className="display__body">
          <h1 id={titleId} className="display__title" tabIndex={-1}>
            {title}
          </h1>
          {status ?? sessionStatus}
          <div className="display__content" ref={body}>
            {children}
          </div>
        </div>
        {options.map((option) => {
          const slot = slotOf.get(option);
          if (!slot) return null;
          return (
            <button
              key={slot}
              type="button"
              className={`option option--${slot.startsWith('L') ? 'left' : 'right'} option--${slot}${option.primary ? ' option--primary' : ''}`}
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
