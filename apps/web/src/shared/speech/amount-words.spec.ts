import { amountWords, integerWords } from './amount-words';

describe('amounts in words', () => {
  it.each([
    [0, 'en', 'zero'],
    [21, 'en', 'twenty-one'],
    [1234, 'en', 'one thousand two hundred thirty-four'],
    [21, 'es', 'veintiuno'],
    [100, 'es', 'cien'],
    [101, 'es', 'ciento uno'],
    [5250, 'es', 'cinco mil doscientos cincuenta'],
    [71, 'fr', 'soixante et onze'],
    [80, 'fr', 'quatre-vingts'],
    [99, 'fr', 'quatre-vingt-dix-neuf'],
    [200, 'fr', 'deux cents'],
    [1234, 'fr', 'mille deux cent trente-quatre'],
  ] as const)('%d in %s is %s', (n, language, words) => {
    expect(integerWords(n, language)).toBe(words);
  });

  it('says dollars and cents in each language', () => {
    expect(amountWords(525000, 'en')).toBe('five thousand two hundred fifty dollars');
    expect(amountWords(85075, 'en')).toBe('eight hundred fifty dollars and seventy-five cents');
    expect(amountWords(100, 'en')).toBe('one dollar');
    expect(amountWords(2101, 'es')).toBe('veintiún dólares con un centavo');
    expect(amountWords(6000, 'fr')).toBe('soixante dollars');
    expect(amountWords(-150, 'fr')).toBe('moins un dollar et cinquante cents');
  });
});
