import { PIN_PATTERN } from '@atm/contracts';

/**
 * The bank's PIN rules (WEAK_PIN), the same for the API and the admin CLI. `seed` is the
 * only caller exempt from them (the demo PINs are weak on purpose).
 */
export const COMMON_WEAK_PINS: ReadonlySet<string> = new Set([
  '1212',
  '1122',
  '1357',
  '2468',
  '1004',
  '2000',
  '6969',
]);

export type PinWeakness =
  'NOT_4_TO_6_DIGITS' | 'ALL_SAME_DIGIT' | 'STRAIGHT_RUN' | 'COMMON_PIN' | 'SAME_AS_CURRENT';

const EXPLANATIONS: Record<PinWeakness, string> = {
  NOT_4_TO_6_DIGITS: 'A PIN is 4 to 6 digits.',
  ALL_SAME_DIGIT: 'A PIN cannot be one digit repeated.',
  STRAIGHT_RUN: 'A PIN cannot be a straight run of digits such as 1234 or 9876.',
  COMMON_PIN: 'That PIN is one of the most commonly guessed PINs.',
  SAME_AS_CURRENT: 'The new PIN must be different from the current PIN.',
};

/** A run up or down over the whole PIN, without wrapping (1234, 98765; 9012 is fine). */
function isStraightRun(pin: string): boolean {
  const digits = [...pin].map((c) => c.charCodeAt(0) - 48);
  const step = (digits[1] ?? 0) - (digits[0] ?? 0);
  if (step !== 1 && step !== -1) return false;
  return digits.every((digit, i) => i === 0 || digit - (digits[i - 1] ?? 0) === step);
}

export function findPinWeakness(pin: string, currentPin?: string): PinWeakness | undefined {
  if (!PIN_PATTERN.test(pin)) return 'NOT_4_TO_6_DIGITS';
  if (/^(\d)\1+$/.test(pin)) return 'ALL_SAME_DIGIT';
  if (isStraightRun(pin)) return 'STRAIGHT_RUN';
  if (COMMON_WEAK_PINS.has(pin)) return 'COMMON_PIN';
  if (currentPin !== undefined && pin === currentPin) return 'SAME_AS_CURRENT';
  return undefined;
}

export function explainPinWeakness(weakness: PinWeakness): string {
  return EXPLANATIONS[weakness];
}
