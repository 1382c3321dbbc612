import { LANGUAGES } from '@atm/contracts';
import { act, screen } from '@testing-library/react';
import { type ReactElement } from 'react';
import { BalanceScreen } from '../../features/accounts/components/BalanceScreen';
import { PinScreen } from '../../features/auth/components/PinScreen';
import { CardScreen } from '../../features/card/components/CardScreen';
import { ChangePinScreen } from '../../features/change-pin/components/ChangePinScreen';
import { DepositScreen } from '../../features/deposit/components/DepositScreen';
import { MainMenu } from '../../features/menu/components/MainMenu';
import { ReceiptScreen } from '../../features/receipt/components/ReceiptScreen';
import { StillThereDialog } from '../../features/session/components/StillThereDialog';
import { StatementsScreen } from '../../features/statements/components/StatementsScreen';
import { TransferScreen } from '../../features/transfer/components/TransferScreen';
import { WithdrawScreen } from '../../features/withdraw/components/WithdrawScreen';
import { CHECKING, FakeApi, SAVINGS, transaction } from '../../test/fake-api';
import { renderScreen } from '../../test/render';
import { changeLanguage } from './i18n';
import en from './locales/en.json';

function keys(node: unknown, prefix = ''): string[] {
  if (typeof node === 'string') return [prefix.replace(/_(one|other|many)$/, '')];
  return Object.entries(node as Record<string, unknown>).flatMap(([k, v]) =>
    keys(v, prefix ? `${prefix}.${k}` : k),
  );
}
const KEYS = new Set(keys(en));

const SCREENS: Array<[string, () => ReactElement]> = [
  [
    'card',
    () => <CardScreen onInsert={jest.fn()} returned={{ reason: 'expired', language: 'en' }} />,
  ],
  [
    'pin',
    () => <PinScreen cardNumber="4000000000000010" onSignedIn={jest.fn()} onCancel={jest.fn()} />,
  ],
  ['menu', () => <MainMenu customerName="Alice Johnson" onChoose={jest.fn()} onExit={jest.fn()} />],
  ['balance', () => <BalanceScreen onBack={jest.fn()} />],
  ['withdraw', () => <WithdrawScreen onBack={jest.fn()} onCompleted={jest.fn()} />],
  ['deposit', () => <DepositScreen onBack={jest.fn()} onCompleted={jest.fn()} />],
  ['transfer', () => <TransferScreen onBack={jest.fn()} onCompleted={jest.fn()} />],
  ['statements', () => <StatementsScreen onBack={jest.fn()} />],
  [
    'change PIN',
    () => <ChangePinScreen onBack={jest.fn()} onDone={jest.fn()} onLocked={jest.fn()} />,
  ],
  [
    'receipt',
    () => (
      <ReceiptScreen
        receipt={{
          transaction: transaction('DEPOSIT', 50000, 1300000),
          account: CHECKING,
          holds: [{ amountCents: 30000, releaseAt: '2026-03-04T00:00:00Z' }],
          checkNumber: '1001',
        }}
        onAnother={jest.fn()}
        onDone={jest.fn()}
      />
    ),
  ],
  [
    'still there?',
    () => <StillThereDialog secondsLeft={25} onContinue={() => Promise.resolve()} />,
  ],
];

/** Every piece of text a person or a screen reader meets: content and accessible names. */
function everythingShown(): string {
  const attributes = [...document.body.querySelectorAll('*')].flatMap((element) =>
    ['aria-label', 'placeholder', 'title'].map((name) => element.getAttribute(name) ?? ''),
  );
  return [document.body.textContent ?? '', ...attributes].join('\n');
}

describe.each(LANGUAGES)('in %s, no screen shows a raw message key', (language) => {
  beforeEach(async () => {
    await act(() => changeLanguage(language));
    new FakeApi()
      .on('GET /accounts', { status: 200, body: { accounts: [CHECKING, SAVINGS] } })
      .on(`GET /accounts/${CHECKING.id}/transactions`, {
        status: 200,
        body: { items: [], nextCursor: null },
      })
      .on(`GET /accounts/${SAVINGS.id}/transactions`, {
        status: 200,
        body: { items: [], nextCursor: null },
      })
      .install();
  });
  afterAll(() => act(() => changeLanguage('en')));

  it.each(SCREENS)('%s', async (_name, make) => {
    renderScreen(make());
    await screen.findAllByRole('button');
    // Let the accounts arrive where a screen asks for them.
    await act(() => new Promise((resolve) => setTimeout(resolve, 20)));
    const shown = everythingShown();
    expect(shown).not.toContain('{{');
    const words = shown.match(/[A-Za-z]+(?:\.[A-Za-z_-]+)+/g) ?? [];
    expect(words.filter((word) => KEYS.has(word))).toEqual([]);
  });
});
