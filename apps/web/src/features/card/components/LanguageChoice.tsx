import { type Language, LANGUAGES } from '@atm/contracts';
import { useTranslation } from 'react-i18next';
import { changeLanguage, currentLanguage } from '../../../shared/i18n/i18n';

/** Each language is named in itself, whatever language the screen is in. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  en: 'English',
  es: 'Español',
  fr: 'Français',
};

/** The card screen's language buttons: the choice holds until the card comes back. */
export function LanguageChoice() {
  const { t } = useTranslation();
  const current = currentLanguage();
  return (
    <div className="languages" role="group" aria-label={t('language.choose')}>
      {LANGUAGES.map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          className="languages__button"
          aria-pressed={language === current}
          onClick={() => void changeLanguage(language)}
        >
          {LANGUAGE_NAMES[language]}
        </button>
      ))}
    </div>
  );
}
