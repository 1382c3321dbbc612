import { useEffect } from 'react';
import { type KeypadRegistry } from './keypad-context';

function isTextField(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement
  );
}

/**
 * The physical keyboard works like the keypad: digits, Backspace, Escape (Cancel) and
 * Enter. A focused field types its digits natively; Enter is the keypad's Enter except on
 * a focused button, which clicks natively.
 */
export function usePhysicalKeyboard(registry: KeypadRegistry, enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return undefined;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      const handlers = registry.current;
      const inField = isTextField(event.target);
      if (event.key === 'Escape') {
        event.preventDefault();
        handlers.onCancel?.();
        return;
      }
      if (event.key === 'Enter' && !(event.target instanceof HTMLButtonElement)) {
        event.preventDefault();
        handlers.onEnter?.();
        return;
      }
      if (inField) return;
      if (/^[0-9]$/.test(event.key)) {
        event.preventDefault();
        handlers.onDigit?.(event.key);
      } else if (event.key === 'Backspace') {
        event.preventDefault();
        handlers.onBackspace?.();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [registry, enabled]);
}
