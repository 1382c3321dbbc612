import { ERROR_STATUS, type ErrorCode } from '@atm/contracts';
import { problem } from '../../test/fake-api';
import { errorMessage } from './error-messages';
import { ApiError } from './http';

const err = (code: ErrorCode, extras = {}) =>
  new ApiError(ERROR_STATUS[code], problem(code, extras));

describe('errorMessage', () => {
  it.each(Object.keys(ERROR_STATUS) as ErrorCode[])('has a human sentence for %s', (code) => {
    const sentence = errorMessage(err(code), 'withdraw');
    expect(sentence).toMatch(/^[A-Z].*\.$/);
    expect(sentence).not.toContain(code);
  });

  it('tells how much more can be withdrawn or transferred today', () => {
    expect(errorMessage(err('DAILY_LIMIT_EXCEEDED', { remainingCents: 10000 }), 'withdraw')).toBe(
      'You can withdraw $100.00 more today.',
    );
    expect(errorMessage(err('DAILY_LIMIT_EXCEEDED', { remainingCents: 123456 }), 'transfer')).toBe(
      'You can transfer $1,234.56 more today.',
    );
    expect(errorMessage(err('DAILY_LIMIT_EXCEEDED', { remainingCents: 0 }), 'withdraw')).toMatch(
      /reached today's withdrawal limit/,
    );
  });

  it('says the card is locked and until when', () => {
    const now = new Date(2026, 2, 2, 15, 0);
    const lockedUntil = new Date(2026, 2, 2, 15, 30).toISOString();
    expect(errorMessage(err('CARD_LOCKED', { lockedUntil }), 'sign-in', now)).toBe(
      'Your card is locked after too many wrong PINs. It stays locked until 3:30 PM.',
    );
  });

  it('counts the tries left', () => {
    expect(errorMessage(err('INVALID_CREDENTIALS', { attemptsRemaining: 1 }), 'sign-in')).toBe(
      'The PIN is not correct. You have 1 try left.',
    );
  });

  it('explains a lost connection', () => {
    expect(errorMessage(new ApiError(0, null), 'deposit')).toBe(
      'The ATM could not reach the bank. Please try again.',
    );
  });
});
