/** Shapes of values the contract fixes, shared by the API's validation and the web forms. */
export const PIN_PATTERN = /^[0-9]{4,6}$/;
export const CARD_NUMBER_PATTERN = /^[0-9]{16}$/;
/** The last four digits of a card number: the only part shown or recorded after issue. */
export const CARD_LAST4_PATTERN = /^[0-9]{4}$/;
/** A UUID in any letter case, as a client may send one (a path id, a token's session id). */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9_.:-]{1,255}$/;
export const CHECK_NUMBER_PATTERN = /^[0-9]{1,10}$/;
export const MEMO_MAX_LENGTH = 140;
export const MAX_REQUEST_BODY_BYTES = 16 * 1024;
export const HISTORY_PAGE_DEFAULT = 10;
export const HISTORY_PAGE_MAX = 100;
export const STATEMENT_MAX_DAYS = 366;
export const MAX_UNFINISHED_STATEMENTS_PER_ACCOUNT = 3;

/** Luhn check over ASCII digits; the caller checks the length. */
export function passesLuhn(digits: string): boolean {
  if (!/^[0-9]+$/.test(digits)) return false;
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i -= 1) {
    let digit = digits.charCodeAt(i) - 48;
    if (double) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
    double = !double;
  }
  return sum % 10 === 0;
}

export function isValidCardNumber(value: string): boolean {
  return CARD_NUMBER_PATTERN.test(value) && passesLuhn(value);
}
