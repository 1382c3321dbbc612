import { type EntryFacts, INTL_LOCALES, type Language } from '@atm/contracts';
import { formatCentsIn } from '@atm/money';
import { DOCUMENT_TEXT_EN } from './document-text.en';
import { DOCUMENT_TEXT_ES } from './document-text.es';
import { DOCUMENT_TEXT_FR } from './document-text.fr';
import { describeEntry, type DocumentText } from './document-text';

const TEXTS: Record<Language, DocumentText> = {
  en: DOCUMENT_TEXT_EN,
  es: DOCUMENT_TEXT_ES,
  fr: DOCUMENT_TEXT_FR,
};

/** Words, amounts and dates of a printed document in one language (Intl, always USD). */
export interface DocumentFormat {
  language: Language;
  text: DocumentText;
  /** An entry's description, written from its facts in this language. */
  entry: (facts: EntryFacts) => string;
  money: (cents: number) => string;
  /** A `YYYY-MM-DD` calendar day, written out: "November 23, 2026", "23 nov. 2026". */
  longDay: (isoDay: string) => string;
  /** A `YYYY-MM-DD` calendar day, in figures: "11/23/2026", "2026-11-23". */
  shortDay: (isoDay: string) => string;
  /** An instant as the day it falls on in `timeZone`, in figures. */
  shortDayAt: (at: Date, timeZone: string) => string;
  /** An instant as date and time in `timeZone`. */
  dateTimeAt: (at: Date, timeZone: string) => string;
}

function utcDay(isoDay: string): Date {
  const [y, m, d] = isoDay.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
}

export function documentFormat(language: Language): DocumentFormat {
  const locale = INTL_LOCALES[language];
  const long = new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    timeZone: 'UTC',
  });
  // One formatter per time zone, made on first use: building an Intl.DateTimeFormat costs far
  // more than formatting with it, and a statement formats a date on every row.
  const figuresIn = new Map<string, Intl.DateTimeFormat>();
  const figures = (timeZone: string): Intl.DateTimeFormat => {
    let format = figuresIn.get(timeZone);
    if (!format) {
      format = new Intl.DateTimeFormat(locale, {
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        timeZone,
      });
      figuresIn.set(timeZone, format);
    }
    return format;
  };
  return {
    language,
    text: TEXTS[language],
    entry: (facts) => describeEntry(TEXTS[language].entry, facts),
    money: (cents) => formatCentsIn(locale, cents),
    longDay: (isoDay) => long.format(utcDay(isoDay)),
    shortDay: (isoDay) => figures('UTC').format(utcDay(isoDay)),
    shortDayAt: (at, timeZone) => figures(timeZone).format(at),
    dateTimeAt: (at, timeZone) =>
      new Intl.DateTimeFormat(locale, {
        year: 'numeric',
        month: 'long',
        day: 'numeric',
        hour: 'numeric',
        minute: '2-digit',
        timeZone,
        timeZoneName: 'short',
      }).format(at),
  };
}
