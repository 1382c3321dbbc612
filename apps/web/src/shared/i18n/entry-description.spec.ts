import { changeLanguage } from './i18n';
import { entryDescription } from './entry-description';

describe('entryDescription', () => {
  afterEach(() => changeLanguage('en'));

  const check = {
    type: 'DEPOSIT',
    checkNumber: '1042',
    description: 'Check deposit #1042',
  } as const;
  const transfer = {
    type: 'TRANSFER_OUT',
    counterpartyAccountNumber: '••••0002',
    memo: 'rent',
    description: 'Transfer to ••••0002: rent',
  } as const;

  it('is the stored English text in English', () => {
    expect(entryDescription(check)).toBe('Check deposit #1042');
    expect(entryDescription({ ...transfer, description: 'Overdraft protection' })).toBe(
      'Overdraft protection',
    );
  });

  it('is written from the facts in Spanish and French', async () => {
    await changeLanguage('es');
    expect(entryDescription(check)).toBe('Depósito de cheque n.º 1042');
    expect(entryDescription(transfer)).toBe('Transferencia a ••••0002: rent');
    await changeLanguage('fr');
    expect(entryDescription(transfer)).toBe('Virement vers ••••0002 : rent');
    expect(entryDescription({ type: 'WITHDRAWAL', description: 'ATM withdrawal' })).toBe(
      'Retrait au guichet',
    );
  });
});
