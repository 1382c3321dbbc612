import { ERROR_STATUS, type ErrorCode, type ProblemDetails, problemTypeFor } from '@atm/contracts';
import { localizeProblem, PROBLEM_CATALOGS } from './localize-problem';

const CODES = Object.keys(ERROR_STATUS) as ErrorCode[];

function problem(code: ErrorCode, extras: Partial<ProblemDetails> = {}): ProblemDetails {
  return {
    type: problemTypeFor(code),
    title: 'English title',
    status: ERROR_STATUS[code],
    detail: 'English detail',
    code,
    ...extras,
  };
}

describe('localizeProblem', () => {
  describe.each(['es', 'fr'] as const)('in %s', (language) => {
    it.each(CODES)('has a title and a detail for %s, and keeps the code', (code) => {
      const text = PROBLEM_CATALOGS[language][code];
      expect(text.title).toMatch(/\S/);
      const localized = localizeProblem(
        problem(code, {
          attemptsRemaining: 2,
          remainingCents: 123456,
          lockedUntil: '2026-03-02T15:30:00.000Z',
        }),
        language,
      );
      expect(localized.code).toBe(code);
      expect(localized.status).toBe(ERROR_STATUS[code]);
      expect(localized.type).toBe(problemTypeFor(code));
      expect(localized.title).toBe(text.title);
      expect(localized.title).not.toBe('English title');
      expect(localized.detail).toMatch(/^\p{Lu}.*\.$/u);
      expect(localized.attemptsRemaining).toBe(2);
    });
  });

  it('leaves English as the refusal was raised', () => {
    const p = problem('INSUFFICIENT_FUNDS');
    expect(localizeProblem(p, 'en')).toEqual(p);
  });

  it('tells the facts in the language', () => {
    expect(
      localizeProblem(problem('DAILY_LIMIT_EXCEEDED', { remainingCents: 123456 }), 'es').detail,
    ).toContain('$1,234.56');
    expect(
      localizeProblem(
        problem('DAILY_LIMIT_EXCEEDED', { remainingCents: 123456 }),
        'fr',
      ).detail.replace(/\s/g, ' '),
    ).toContain('1 234,56 $ US');
    expect(
      localizeProblem(problem('INVALID_CREDENTIALS', { attemptsRemaining: 1 }), 'fr').detail,
    ).toContain('Essais restants : 1.');
    expect(
      localizeProblem(problem('CARD_LOCKED', { lockedUntil: '2026-03-02T15:30:00.000Z' }), 'es')
        .detail,
    ).toMatch(/hasta el 2 mar 2026, 3:30/);
  });

  it('gives the detail without the fact when the problem does not carry it', () => {
    expect(localizeProblem(problem('INVALID_CREDENTIALS'), 'es').detail).toBe(
      'El número de tarjeta o el PIN no es correcto.',
    );
    expect(
      localizeProblem(problem('CARD_LOCKED', { lockedUntil: 'not a date' }), 'fr').detail,
    ).toBe('Trop de PIN erronés. La carte est bloquée.');
  });
});
