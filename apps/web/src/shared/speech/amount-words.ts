import { type Language } from '@atm/contracts';

const EN_SMALL = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const EN_TENS = [
  '',
  '',
  'twenty',
  'thirty',
  'forty',
  'fifty',
  'sixty',
  'seventy',
  'eighty',
  'ninety',
];

function englishBelowThousand(n: number): string {
  const hundreds = Math.trunc(n / 100);
  const rest = n % 100;
  const parts: string[] = [];
  if (hundreds > 0) parts.push(`${EN_SMALL[hundreds]} hundred`);
  if (rest > 0 || hundreds === 0) {
    if (rest < 20) parts.push(EN_SMALL[rest] ?? '');
    else {
      const unit = rest % 10;
      parts.push(`${EN_TENS[Math.trunc(rest / 10)]}${unit ? `-${EN_SMALL[unit]}` : ''}`);
    }
  }
  return parts.join(' ');
}

const ES_SMALL = [
  'cero',
  'uno',
  'dos',
  'tres',
  'cuatro',
  'cinco',
  'seis',
  'siete',
  'ocho',
  'nueve',
  'diez',
  'once',
  'doce',
  'trece',
  'catorce',
  'quince',
  'dieciséis',
  'diecisiete',
  'dieciocho',
  'diecinueve',
  'veinte',
  'veintiuno',
  'veintidós',
  'veintitrés',
  'veinticuatro',
  'veinticinco',
  'veintiséis',
  'veintisiete',
  'veintiocho',
  'veintinueve',
];
const ES_TENS = [
  '',
  '',
  '',
  'treinta',
  'cuarenta',
  'cincuenta',
  'sesenta',
  'setenta',
  'ochenta',
  'noventa',
];
const ES_HUNDREDS = [
  '',
  'ciento',
  'doscientos',
  'trescientos',
  'cuatrocientos',
  'quinientos',
  'seiscientos',
  'setecientos',
  'ochocientos',
  'novecientos',
];

function spanishBelowThousand(n: number): string {
  if (n === 100) return 'cien';
  const hundreds = Math.trunc(n / 100);
  const rest = n % 100;
  const parts: string[] = [];
  if (hundreds > 0) parts.push(ES_HUNDREDS[hundreds] ?? '');
  if (rest > 0 || hundreds === 0) {
    if (rest < 30) parts.push(ES_SMALL[rest] ?? '');
    else {
      const unit = rest % 10;
      parts.push(`${ES_TENS[Math.trunc(rest / 10)]}${unit ? ` y ${ES_SMALL[unit]}` : ''}`);
    }
  }
  return parts.join(' ');
}

const FR_SMALL = [
  'zéro',
  'un',
  'deux',
  'trois',
  'quatre',
  'cinq',
  'six',
  'sept',
  'huit',
  'neuf',
  'dix',
  'onze',
  'douze',
  'treize',
  'quatorze',
  'quinze',
  'seize',
  'dix-sept',
  'dix-huit',
  'dix-neuf',
];
const FR_TENS = ['', '', 'vingt', 'trente', 'quarante', 'cinquante', 'soixante'];

function frenchBelowHundred(n: number): string {
  if (n < 20) return FR_SMALL[n] ?? '';
  if (n < 70) {
    const unit = n % 10;
    const tens = FR_TENS[Math.trunc(n / 10)] ?? '';
    return unit === 0 ? tens : unit === 1 ? `${tens} et un` : `${tens}-${FR_SMALL[unit]}`;
  }
  if (n < 80) return n === 71 ? 'soixante et onze' : `soixante-${FR_SMALL[n - 60]}`;
  if (n === 80) return 'quatre-vingts';
  return `quatre-vingt-${FR_SMALL[n - 80]}`;
}

function frenchBelowThousand(n: number): string {
  const hundreds = Math.trunc(n / 100);
  const rest = n % 100;
  if (hundreds === 0) return frenchBelowHundred(rest);
  const head = hundreds === 1 ? 'cent' : `${FR_SMALL[hundreds]} cent${rest === 0 ? 's' : ''}`;
  return rest === 0 ? head : `${head} ${frenchBelowHundred(rest)}`;
}

/** A whole number (0 to 999,999,999,999) in words. */
export function integerWords(n: number, language: Language): string {
  const below = { en: englishBelowThousand, es: spanishBelowThousand, fr: frenchBelowThousand }[
    language
  ];
  if (n < 1000) return below(n);
  const groups: Array<[number, string, string]> = [
    [1_000_000_000, 'billion', language === 'es' ? 'mil millones' : 'milliard'],
    [1_000_000, 'million', 'million'],
    [1000, 'thousand', 'mille'],
  ];
  const parts: string[] = [];
  let rest = n;
  for (const [size, english, other] of groups) {
    const count = Math.trunc(rest / size);
    rest %= size;
    if (count === 0) continue;
    if (language === 'en') parts.push(`${integerWords(count, language)} ${english}`);
    else if (language === 'es') {
      if (size === 1000)
        parts.push(
          count === 1 ? 'mil' : `${integerWords(count, language).replace(/uno$/, 'ún')} mil`,
        );
      else if (size === 1_000_000)
        parts.push(
          count === 1
            ? 'un millón'
            : `${integerWords(count, language).replace(/uno$/, 'ún')} millones`,
        );
      else parts.push(`${integerWords(count, language)} ${other}`);
    } else if (size === 1000)
      parts.push(count === 1 ? 'mille' : `${integerWords(count, language)} mille`);
    else parts.push(`${integerWords(count, language)} ${other}${count > 1 ? 's' : ''}`);
  }
  if (rest > 0) parts.push(below(rest));
  return parts.join(' ');
}

/** An amount of cents as a person says it: "twelve dollars and thirty-four cents". */
export function amountWords(cents: number, language: Language): string {
  const negative = cents < 0;
  const absolute = Math.abs(cents);
  const dollars = Math.trunc(absolute / 100);
  const rest = absolute % 100;
  const number = (n: number) => integerWords(n, language);
  let text: string;
  if (language === 'es') {
    const d = dollars === 1 ? 'un dólar' : `${number(dollars).replace(/uno$/, 'ún')} dólares`;
    text =
      rest === 0
        ? d
        : `${d} con ${rest === 1 ? 'un centavo' : `${number(rest).replace(/uno$/, 'ún')} centavos`}`;
  } else if (language === 'fr') {
    const d = `${number(dollars)} dollar${dollars > 1 ? 's' : ''}`;
    text = rest === 0 ? d : `${d} et ${number(rest)} cent${rest > 1 ? 's' : ''}`;
  } else {
    const d = `${number(dollars)} dollar${dollars === 1 ? '' : 's'}`;
    text = rest === 0 ? d : `${d} and ${number(rest)} cent${rest === 1 ? '' : 's'}`;
  }
  const minus = { en: 'minus', es: 'menos', fr: 'moins' }[language];
  return negative ? `${minus} ${text}` : text;
}
