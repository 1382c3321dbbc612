import { createContext, useContext, useLayoutEffect, useRef } from 'react';

/** What the active screen does with the keypad (and the physical keyboard). */
export interface KeypadHandlers {
  onDigit?: (digit: string) => void;
  onBackspace?: () => void;
  onClear?: () => void;
  onEnter?: () => void;
  onCancel?: () => void;
}

/** The keys that type into the field a screen is filling in. */
export type KeypadEditing = Pick<KeypadHandlers, 'onDigit' | 'onBackspace' | 'onClear'>;

export interface KeypadRegistry {
  current: KeypadHandlers;
}

export const KeypadContext = createContext<KeypadRegistry>({ current: {} });

/** Routes the machine's keypad to this screen while it is shown. */
export function useKeypad(handlers: KeypadHandlers): void {
  const registry = useContext(KeypadContext);
  const latest = useRef(handlers);
  useLayoutEffect(() => {
    latest.current = handlers;
  });
  useLayoutEffect(() => {
    const proxy: KeypadHandlers = {
      onDigit: (d) => latest.current.onDigit?.(d),
      onBackspace: () => (latest.current.onBackspace ?? latest.current.onClear)?.(),
      onClear: () => latest.current.onClear?.(),
      onEnter: () => latest.current.onEnter?.(),
      onCancel: () => latest.current.onCancel?.(),
    };
    registry.current = proxy;
    return () => {
      if (registry.current === proxy) registry.current = {};
    };
  }, [registry]);
}
