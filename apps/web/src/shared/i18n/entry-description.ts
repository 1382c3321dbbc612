import { type EntryFacts } from '@atm/contracts';
import { currentLanguage, i18n } from './i18n';

/**
 * An entry's description in the session's language: in English the text stored with the
 * entry, in the other languages written from its facts (type, check number, other account,
 * memo).
 */
export function entryDescription(entry: EntryFacts & { description: string }): string {
  if (currentLanguage() === 'en') return entry.description;
  const account = entry.counterpartyAccountNumber ?? '';
  if (entry.overdraftProtection) return i18n.t('entry.OVERDRAFT_PROTECTION');
  let description: string;
  switch (entry.type) {
    case 'DEPOSIT':
      description = entry.checkNumber
        ? i18n.t('entry.DEPOSIT', { context: 'check', checkNumber: entry.checkNumber })
        : i18n.t('entry.DEPOSIT');
      break;
    case 'TRANSFER_OUT':
      description = i18n.t('entry.TRANSFER_OUT', { account });
      break;
    case 'TRANSFER_IN':
      description = i18n.t('entry.TRANSFER_IN', { account });
      break;
    case 'WITHDRAWAL':
      description = i18n.t('entry.WITHDRAWAL');
      break;
    case 'OPENING':
      description = i18n.t('entry.OPENING');
      break;
  }
  return entry.memo ? i18n.t('entry.withMemo', { description, memo: entry.memo }) : description;
}
