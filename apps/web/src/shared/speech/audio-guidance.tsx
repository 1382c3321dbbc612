import { createContext, type ReactNode, useContext, useMemo, useState } from 'react';

export interface AudioGuidanceState {
  on: boolean;
  headphones: boolean;
  setOn: (on: boolean) => void;
  /** Pressing "Headphones connected" again says the screen again, in full. */
  connectHeadphones: () => void;
  /** Bumped on every press of "Headphones connected": the screen speaks again. */
  repeat: number;
  reset: () => void;
}

const AudioGuidanceContext = createContext<AudioGuidanceState>({
  on: false,
  headphones: false,
  setOn: () => undefined,
  connectHeadphones: () => undefined,
  repeat: 0,
  reset: () => undefined,
});

/** Audio guidance for one customer: off until pressed, reset when the card comes back. */
export function AudioGuidanceProvider({ children }: { children: ReactNode }) {
  const [on, setOn] = useState(false);
  const [headphones, setHeadphones] = useState(false);
  const [repeat, setRepeat] = useState(0);
  const value = useMemo<AudioGuidanceState>(
    () => ({
      on,
      headphones,
      setOn: (next) => {
        setOn(next);
        if (!next) setHeadphones(false);
      },
      connectHeadphones: () => {
        setHeadphones(true);
        setRepeat((n) => n + 1);
      },
      repeat,
      reset: () => {
        setOn(false);
        setHeadphones(false);
      },
    }),
    [on, headphones, repeat],
  );
  return <AudioGuidanceContext.Provider value={value}>{children}</AudioGuidanceContext.Provider>;
}

export function useAudioGuidance(): AudioGuidanceState {
  return useContext(AudioGuidanceContext);
}
