import { INTL_LOCALES, type Language } from '@atm/contracts';

/** One thing the ATM said, or a key tone. */
export type SpeechEvent =
  { kind: 'utterance'; text: string; language: Language } | { kind: 'tone' } | { kind: 'stop' };

type Listener = (event: SpeechEvent) => void;
const listeners = new Set<Listener>();

function emit(event: SpeechEvent): void {
  for (const listener of listeners) listener(event);
}

let audioContext: AudioContext | null = null;

/**
 * The ATM's voice: the only place that talks to the browser's speech synthesis (and plays
 * the key tone), so tests can listen to everything it says.
 */
export const speech = {
  /** Says `text` in `language`, cutting off whatever was being said. */
  say(text: string, language: Language): void {
    const synthesis = typeof window === 'undefined' ? undefined : window.speechSynthesis;
    if (synthesis && typeof SpeechSynthesisUtterance !== 'undefined') {
      synthesis.cancel();
      const utterance = new SpeechSynthesisUtterance(text);
      utterance.lang = INTL_LOCALES[language];
      synthesis.speak(utterance);
    }
    emit({ kind: 'utterance', text, language });
  },

  /** Silence, as when the screen changes. */
  stop(): void {
    if (typeof window !== 'undefined') window.speechSynthesis?.cancel();
    emit({ kind: 'stop' });
  },

  /** A short beep for a key press: the key itself is never said (it may be a PIN digit). */
  tone(): void {
    try {
      const AudioContextClass = typeof window === 'undefined' ? undefined : window.AudioContext;
      if (AudioContextClass) {
        audioContext ??= new AudioContextClass();
        const oscillator = audioContext.createOscillator();
        const gain = audioContext.createGain();
        oscillator.frequency.value = 880;
        gain.gain.value = 0.1;
        oscillator.connect(gain).connect(audioContext.destination);
        oscillator.start();
        oscillator.stop(audioContext.currentTime + 0.08);
      }
    } catch {
      // No audio device: the tone is a courtesy, the key press still counts.
    }
    emit({ kind: 'tone' });
  },

  /** Listens to everything said; answers the function that stops listening. */
  listen(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
