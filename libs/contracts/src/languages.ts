/**
 * The languages the ATM speaks (contract v1.1, "Languages, audio guidance and receipts").
 * English is the default and what anything unrecognised falls back to.
 */
export const LANGUAGES = ['en', 'es', 'fr'] as const;

export type Language = (typeof LANGUAGES)[number];

export const DEFAULT_LANGUAGE: Language = 'en';

/** The `Intl` locale each language formats amounts and dates with (always in USD). */
export const INTL_LOCALES: Record<Language, string> = {
  en: 'en-US',
  es: 'es-US',
  fr: 'fr-CA',
};

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}
