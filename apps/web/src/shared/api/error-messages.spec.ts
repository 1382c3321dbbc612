import { ERROR_STATUS, type ErrorCode, LANGUAGES } from '@atm/contracts';
import { problem } from '../../test/fake-api';
import { changeLanguage } from '../i18n/i18n';
import { errorMessage } from './error-messages';
import { ApiError } from './http';

const err = (code: ErrorCode, extras = {}) =>
  new ApiError(ERROR_STATUS[code], problem(code, extras));

describe('errorMessage', () => {
  afterEach(() => changeLanguage('en'));

  describe.each(LANGUAGES)('in %s', (language) => {
    beforeEach(() => changeLanguage(language));

    it.each(Object.keys(ERROR_STATUS) as ErrorCode[])('has a human sentence for %s', (code) => {
      const sentence = errorMessage(err(code), 'withdraw');
      expect(sentence).toMatch(/^\p{Lu}.*\.$/u);
      expect(sentence).not.toContain(code);
      expect(sentence).not.toContain('errors.');
      expect(sentence).not.toContain('{{');
    });
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
    expect(errorMessage(err('DAILY_LIMIT_EXCEEDED', { remainingCents: 0 }), 'transfer')).toMatch(
      /reached today's transfer limit/,
    );
  });

  it('formats amounts for the language', async () => {
    await changeLanguage('fr');
    expect(
      errorMessage(err('DAILY_LIMIT_EXCEEDED', { remainingCents: 123456 }), 'transfer').replace(
        /\s/g,
        ' ',
      ),
    ).toBe('Vous pouvez encore virer 1 234,56 $ US aujourd’hui.'.replace('’', "'"));
    await changeLanguage('es');
    expect(errorMessage(err('DAILY_LIMIT_EXCEEDED', { remainingCents: 10000 }), 'withdraw')).toBe(
      'Hoy puede retirar $100.00 más.',
    );
  });

  it('says the card is locked and until when', () => {
    const now = new Date(2026, 2, 2, 15, 0);
    const lockedUntil = new Date(2026, 2, 2, 15, 30).toISOString();
    expect(errorMessage(err('CARD_LOCKED', { lockedUntil }), 'sign-in', now)).toBe(
      'Your card is locked after too many wrong PINs. It stays locked until 3:30 PM.',
    );
  });

  it('counts the tries left, with the plural of each language', async () => {
    expect(errorMessage(err('INVALID_CREDENTIALS', { attemptsRemaining: 1 }), 'sign-in')).toBe(
      'The PIN is not correct. You have 1 try left.',
    );
    expect(errorMessage(err('INVALID_CREDENTIALS', { attemptsRemaining: 2 }), 'sign-in')).toBe(
      'The PIN is not correct. You have 2 tries left.',
    );
    await changeLanguage('es');
    expect(errorMessage(err('INVALID_CREDENTIALS', { attemptsRemaining: 1 }), 'sign-in')).toBe(
      'El PIN no es correcto. Le queda 1 intento.',
    );
    expect(errorMessage(err('INVALID_CREDENTIALS', { attemptsRemaining: 2 }), 'sign-in')).toBe(
      'El PIN no es correcto. Le quedan 2 intentos.',
    );
    await changeLanguage('fr');
    expect(errorMessage(err('INVALID_CREDENTIALS', { attemptsRemaining: 0 }), 'sign-in')).toBe(
      'Le PIN est incorrect. Il vous reste 0 essai.',
    );
  });

  it('explains a lost connection', async () => {
    expect(errorMessage(new ApiError(0, null), 'deposit')).toBe(
      'The ATM could not reach the bank. Please try again.',
    );
    await changeLanguage('fr');
    expect(errorMessage(new ApiError(0, null), 'deposit')).toBe(
      "Le guichet n'a pas pu joindre la banque. Réessayez.",
    );
  });
});
