import { MISSING_GLYPH, printable } from './pdf-fonts';

describe('printable (PDF text)', () => {
  it('keeps the accents and symbols of every language', () => {
    const text = 'Dépôt · Retiro en cajero · Épargne · ñandú · €5 · Ça coûte 12 $ — “ok” 😀';
    expect(printable(text)).toBe(text);
  });

  it('prints a fallback glyph, never "?", for what the font lacks', () => {
    expect(printable('rent 🎉 paid')).toBe(`rent ${MISSING_GLYPH} paid`);
    expect(printable('👍🏽')).not.toContain('?');
    expect(printable('❤️')).not.toContain('\uFE0F');
  });

  it('turns control characters into spaces', () => {
    expect(printable('a\u0007b\u0085c')).toBe('a b c');
  });
});
