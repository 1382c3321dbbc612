import {
  DEFAULT_LANGUAGE,
  INTL_LOCALES,
  isLanguage,
  type Language,
  LANGUAGES,
} from '@atm/contracts';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './locales/en.json';

type CatalogModule = { default: Record<string, unknown> };

/**
 * English ships in the initial bundle; Spanish and French are separate chunks loaded when a
 * customer picks them, which keeps the ATM's first load small.
 */
const LOADERS: Record<Exclude<Language, 'en'>, () => Promise<CatalogModule>> = {
  es: () => import('./locales/es.json'),
  fr: () => import('./locales/fr.json'),
};

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: { en: { translation: en } },
  lng: DEFAULT_LANGUAGE,
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: [...LANGUAGES],
  partialBundledLanguages: true,
  // React escapes what it renders; escaping here too would show "&amp;" on screen.
  interpolation: { escapeValue: false },
  initAsync: false,
});

// The page starts in English whatever index.html said.
if (typeof document !== 'undefined') document.documentElement.lang = DEFAULT_LANGUAGE;

export async function loadLanguage(language: Language): Promise<void> {
  if (language === 'en' || i18n.hasResourceBundle(language, 'translation')) return;
  const catalog = await LOADERS[language]();
  i18n.addResourceBundle(language, 'translation', catalog.default);
}

/** Switches every screen, `<html lang>` and the API's `Accept-Language` to `language`. */
export async function changeLanguage(language: Language): Promise<void> {
  await loadLanguage(language);
  await i18n.changeLanguage(language);
  document.documentElement.lang = language;
}

export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE;
}

/** The `Intl` locale of the session's language (`en-US`, `es-US`, `fr-CA`). */
export function intlLocale(language: Language = currentLanguage()): string {
  return INTL_LOCALES[language];
}
