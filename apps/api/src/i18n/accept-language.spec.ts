import { pickLanguage } from './accept-language';

describe('pickLanguage (RFC 9110 Accept-Language)', () => {
  it.each([
    [undefined, 'en'],
    ['', 'en'],
    ['es', 'es'],
    ['fr', 'fr'],
    ['EN', 'en'],
    ['es-MX', 'es'],
    ['fr-CA,fr;q=0.9,en;q=0.8', 'fr'],
    ['es-MX;q=0.1, fr;q=0.9', 'fr'],
    ['de, es;q=0.5', 'es'],
    ['de, it', 'en'],
    ['*', 'en'],
    ['*;q=0.5, fr;q=0.1', 'en'],
    ['fr;q=0, *', 'en'],
    ['es;q=0, fr;q=0', 'en'],
    ['es;q=0.5, fr;q=0.5', 'es'],
    ['fr;q=0.5, es;q=0.5', 'fr'],
    ['es-MX;q=0.1, es;q=0.8, fr;q=0.5', 'es'],
    ['en;q=0.2, es-419;q=0.3', 'es'],
    ['zh-Hant-TW, fr-FR ; q=0.7', 'fr'],
  ])('%j answers %s', (header, language) => {
    expect(pickLanguage(header)).toBe(language);
  });

  it.each([
    ['garbage', '\u0000\u00ff;;;,,,q=q=q'],
    ['a malformed weight', 'fr;q=2'],
    ['a weight with four decimals', 'fr;q=0.1234'],
    ['a negative weight', 'es;q=-1'],
    ['a tag too long', 'francaisxx'],
    ['a 10 KB header', `${'x'.repeat(10 * 1024)}, fr`],
    ['10 KB of commas', ','.repeat(10 * 1024)],
    ['10 KB of weighted ranges', 'de;q=0.1,'.repeat(1200)],
  ])('falls back to English on %s', (_what, header) => {
    expect(pickLanguage(header)).toBe('en');
  });

  it('reads a header sent twice as one list', () => {
    expect(pickLanguage(['de', 'fr;q=0.4'])).toBe('fr');
  });
});
