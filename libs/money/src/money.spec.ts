import fc from 'fast-check';
import {
  MAX_CENTS,
  MoneyError,
  addCents,
  centsFromDatabase,
  formatCents,
  formatCentsIn,
  formatSignedCents,
  parseDollarsToCents,
  subtractCents,
  tryParseDollarsToCents,
} from './index';

describe('formatCents', () => {
  it.each([
    [0, '$0.00'],
    [5, '$0.05'],
    [99, '$0.99'],
    [100, '$1.00'],
    [123456, '$1,234.56'],
    [525000, '$5,250.00'],
    [85075, '$850.75'],
    [100000000, '$1,000,000.00'],
    [-2000, '-$20.00'],
    [MAX_CENTS, '$90,071,992,547,409.91'],
  ])('formats %d as %s', (cents, text) => {
    expect(formatCents(cents)).toBe(text);
  });

  it('refuses floats and unsafe integers', () => {
    expect(() => formatCents(1.5)).toThrow(MoneyError);
    expect(() => formatCents(MAX_CENTS + 1)).toThrow(MoneyError);
    expect(() => formatCents(Number.NaN)).toThrow(MoneyError);
  });

  it('signs amounts for histories', () => {
    expect(formatSignedCents(2000)).toBe('+$20.00');
    expect(formatSignedCents(-2000)).toBe('-$20.00');
    expect(formatSignedCents(0)).toBe('$0.00');
  });
});

describe('parseDollarsToCents', () => {
  it.each([
    ['0', 0],
    ['12', 1200],
    ['12.5', 1250],
    ['12.05', 1205],
    ['$1,234.56', 123456],
    [' 20 ', 2000],
    ['0.10', 10],
  ])('parses %s', (text, cents) => {
    expect(parseDollarsToCents(text)).toBe(cents);
  });

  it.each(['', '-1', '1.234', 'abc', '1,23', '1e3', '١٢', '12.', '.5', '90071992547409.92'])(
    'refuses %s',
    (text) => {
      expect(() => parseDollarsToCents(text)).toThrow(MoneyError);
      expect(tryParseDollarsToCents(text)).toBeNull();
    },
  );

  it('round-trips every safe amount through formatting', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_CENTS }), (cents) => {
        expect(parseDollarsToCents(formatCents(cents))).toBe(cents);
      }),
    );
  });
});

describe('arithmetic', () => {
  it('adds and subtracts exactly', () => {
    expect(addCents(10, 20, 30)).toBe(60);
    expect(subtractCents(100, 250)).toBe(-150);
  });

  it('refuses to leave the safe range instead of rounding', () => {
    expect(() => addCents(MAX_CENTS, 1)).toThrow(MoneyError);
    expect(() => subtractCents(-MAX_CENTS, 1)).toThrow(MoneyError);
    expect(() => addCents(0.1, 0.2)).toThrow(MoneyError);
  });

  it('is associative on safe integers (property)', () => {
    const small = fc.integer({ min: -1e12, max: 1e12 });
    fc.assert(
      fc.property(small, small, small, (a, b, c) => {
        expect(addCents(addCents(a, b), c)).toBe(addCents(a, addCents(b, c)));
      }),
    );
  });
});

describe('centsFromDatabase', () => {
  it('converts pg bigint strings', () => {
    expect(centsFromDatabase('525000')).toBe(525000);
    expect(centsFromDatabase('-2000')).toBe(-2000);
    expect(centsFromDatabase(null)).toBe(0);
    expect(centsFromDatabase(12n)).toBe(12);
  });

  it('refuses values a safe integer cannot hold', () => {
    expect(() => centsFromDatabase('9007199254740993')).toThrow(MoneyError);
    expect(() => centsFromDatabase('12.5')).toThrow(MoneyError);
  });
});

describe('formatCentsIn', () => {
  it('writes USD the way each locale does, exactly', () => {
    expect(formatCentsIn('en-US', 123456)).toBe('$1,234.56');
    expect(formatCentsIn('es-US', 123456)).toBe('$1,234.56');
    expect(formatCentsIn('fr-CA', 123456).replace(/\s/g, ' ')).toBe('1 234,56 $ US');
    expect(formatCentsIn('en-US', -5)).toBe('-$0.05');
    expect(formatCentsIn('en-US', MAX_CENTS)).toBe('$90,071,992,547,409.91');
  });

  it('leaves out .00 for whole dollars when asked', () => {
    expect(formatCentsIn('en-US', 2000, { wholeDollars: true })).toBe('$20');
    expect(formatCentsIn('en-US', 2050, { wholeDollars: true })).toBe('$20.50');
    expect(formatCentsIn('fr-CA', 10000, { wholeDollars: true }).replace(/\s/g, ' ')).toBe(
      '100 $ US',
    );
  });

  it('agrees with formatCents in en-US for any safe amount', () => {
    fc.assert(
      fc.property(
        fc.maxSafeInteger(),
        (cents) => formatCentsIn('en-US', cents) === formatCents(cents),
      ),
    );
  });
});
