import { type Language } from '@atm/contracts';
import { i18n } from '../i18n/i18n';
import { amountWords } from './amount-words';

/**
 * Amounts as the screens write them: `$1,234.56`, `-$5.00`, `+$12.00` (en-US, es-US) and
 * `1 234,56 $ US` (fr-CA, with its no-break spaces).
 */
const AMOUNT = {
  dollarFirst: /[-+]?\$\s?\d{1,3}(?:,\d{3})*(?:\.\d{2})?/g,
  dollarLast:
    /[-+]?\d{1,3}(?:[\s\u00a0\u202f]\d{3})*(?:,\d{2})?[\s\u00a0\u202f]\$(?:[\s\u00a0\u202f]US)?/g,
};
/** Account numbers as the screens write them: `••••0001`, `1000-0001-0001`. */
const ACCOUNT = /••••\d{4}|\b\d{4}-\d{4}-\d{4}\b/g;

function centsOf(amount: string): number {
  const negative = amount.trim().startsWith('-');
  const digits = amount.replace(/[^\d]/g, '');
  const hasCents = /[.,]\d{2}(?!\d)/.test(amount);
  const cents = hasCents ? Number(digits) : Number(digits) * 100;
  return negative ? -cents : cents;
}

function accountWords(account: string): string {
  // Digit by digit, as a person reads an account number out.
  return account.replace(/[^\d]/g, '').split('').join(' ');
}

/**
 * What speech says for a piece of screen text: until headphones are connected, amounts and
 * account numbers are "shown on screen" (speakers can be overheard); with headphones, amounts
 * are said in words and account numbers digit by digit.
 */
export function speakable(text: string, language: Language, headphones: boolean): string {
  const shown = i18n.t('audio.shownOnScreen', { lng: language });
  const amount = (match: string) => (headphones ? amountWords(centsOf(match), language) : shown);
  const pattern = language === 'fr' ? AMOUNT.dollarLast : AMOUNT.dollarFirst;
  return text
    .replace(pattern, amount)
    .replace(ACCOUNT, (match) => (headphones ? accountWords(match) : shown))
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The text a screen region shows, leaving out what is hidden from everyone: its text pieces
 * joined by spaces (paragraphs, cells and labels are separate pieces).
 */
function visibleText(element: Element): string {
  const pieces: string[] = [];
  const walker = element.ownerDocument.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.parentElement?.closest('[aria-hidden="true"]')) continue;
    const text = node.textContent?.trim();
    if (text) pieces.push(text);
  }
  return pieces.join(' ').replace(/\s+([.,;:!?])/g, '$1');
}

/**
 * The words for one screen: its title, its message (the body's text, tables and form
 * labels included) and its choices, in that order.
 */
export function screenSpeech(
  parts: { title: string; body: Element | null; choices: string[] },
  language: Language,
  headphones: boolean,
): string {
  const body = parts.body ? visibleText(parts.body) : '';
  const sentences = [parts.title, body];
  if (parts.choices.length > 0) {
    sentences.push(i18n.t('audio.choices', { lng: language, choices: parts.choices.join(', ') }));
  }
  return speakable(
    sentences
      .filter((s) => s.trim() !== '')
      .map((s) => (/[.?!:]$/.test(s.trim()) ? s.trim() : `${s.trim()}.`))
      .join(' '),
    language,
    headphones,
  );
}
