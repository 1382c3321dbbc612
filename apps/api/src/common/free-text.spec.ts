import { freeTextProblem, isFreeText } from './free-text';

describe('free text', () => {
  it.each([
    ['plain ASCII', 'Dinner'],
    ['accents and CJK', 'Dîner 東京'],
    ['an emoji (a surrogate pair)', 'sushi 🍣'],
    ['a zero-width joiner sequence', '👩‍💻'],
    ['an Arabic name (right-to-left by itself)', 'محمد'],
    ['the empty string', ''],
  ])('accepts %s', (_name, value) => {
    expect(freeTextProblem(value)).toBeUndefined();
  });

  it.each([
    ['NUL', 'a\u0000b', /control/],
    ['tab', 'a\tb', /control/],
    ['line feed', 'a\nb', /control/],
    ['DEL', 'a\u007fb', /control/],
    ['C1 NEL', 'a\u0085b', /control/],
    ['C1 CSI', '\u009b31m', /control/],
    ['lone high surrogate', 'a\ud800b', /well-formed/],
    ['lone high surrogate at the end', 'a\ud83c', /well-formed/],
    ['lone low surrogate', '\udc00', /well-formed/],
    ['reversed pair', '\udc00\ud800', /well-formed/],
    ['LRE', '\u202a1', /bidirectional/],
    ['RLO', '\u202e1234', /bidirectional/],
    ['LRI', '\u2066x', /bidirectional/],
    ['PDI', 'x\u2069', /bidirectional/],
  ])('refuses %s', (_name, value, message) => {
    expect(freeTextProblem(value)).toMatch(message);
    expect(isFreeText(value)).toBe(false);
  });

  it('refuses what is not a string', () => {
    expect(isFreeText(12)).toBe(false);
    expect(isFreeText(null)).toBe(false);
  });
});
