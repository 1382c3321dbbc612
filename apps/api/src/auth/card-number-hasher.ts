import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Card numbers are never stored: a keyed hash (HMAC-SHA-256 with CARD_HASH_KEY) finds the
 * card, and only the last four digits are kept readable. Without the key, the 10^15
 * possible numbers of a BIN cannot be tried offline against a stolen database.
 */
export class CardNumberHasher {
  constructor(private readonly key: string) {}

  hash(cardNumber: string): string {
    return createHmac('sha256', this.key).update(cardNumber, 'ascii').digest('hex');
  }

  matches(cardNumber: string, storedHash: string): boolean {
    const a = Buffer.from(this.hash(cardNumber), 'hex');
    const b = Buffer.from(storedHash, 'hex');
    return a.length === b.length && timingSafeEqual(a, b);
  }
}
