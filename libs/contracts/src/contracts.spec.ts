import {
  ERROR_STATUS,
  formatAccountNumber,
  isErrorCode,
  isValidCardNumber,
  maskAccountNumber,
  normalizeAccountNumber,
  passesLuhn,
  problemTypeFor,
} from './index';

describe('card numbers', () => {
  it.each(['4000000000000010', '4000000000000028', '4000000000000036'])(
    'accepts the demo card %s',
    (number) => {
      expect(isValidCardNumber(number)).toBe(true);
    },
  );

  it.each(['4000000000000011', '400000000000001', '40000000000000100', '４000000000000010', ''])(
    'refuses %s',
    (number) => {
      expect(isValidCardNumber(number)).toBe(false);
    },
  );

  it('checks Luhn on ASCII digits only', () => {
    expect(passesLuhn('79927398713')).toBe(true);
    expect(passesLuhn('79927398710')).toBe(false);
    expect(passesLuhn('7992739871a')).toBe(false);
  });
});

describe('account numbers', () => {
  it('formats, normalizes and masks', () => {
    expect(formatAccountNumber('100000010001')).toBe('1000-0001-0001');
    expect(normalizeAccountNumber('1000-0001-0001')).toBe('100000010001');
    expect(normalizeAccountNumber('1000-0001-000')).toBeNull();
    expect(maskAccountNumber('100000010001')).toBe('••••0001');
  });
});

describe('error codes', () => {
  it('maps every code to a status and a problem type', () => {
    expect(ERROR_STATUS.CARD_LOCKED).toBe(423);
    expect(isErrorCode('NOT_FOUND')).toBe(true);
    expect(isErrorCode('toString')).toBe(false);
    expect(problemTypeFor('DAILY_LIMIT_EXCEEDED')).toMatch(/daily-limit-exceeded$/);
  });
});
