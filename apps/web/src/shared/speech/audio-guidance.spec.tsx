import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { PinScreen } from '../../features/auth/components/PinScreen';
import { BalanceScreen } from '../../features/accounts/components/BalanceScreen';
import { MainMenu } from '../../features/menu/components/MainMenu';
import { WithdrawScreen } from '../../features/withdraw/components/WithdrawScreen';
import { CHECKING, FakeApi, SAVINGS } from '../../test/fake-api';
import { renderScreen } from '../../test/render';
import { changeLanguage } from '../i18n/i18n';
import { speech, type SpeechEvent } from './speech';
import { speakable } from './speech-text';

function record(): { events: SpeechEvent[]; said: () => string[]; stop: () => void } {
  const events: SpeechEvent[] = [];
  const stop = speech.listen((event) => events.push(event));
  return {
    events,
    said: () => events.flatMap((e) => (e.kind === 'utterance' ? [e.text] : [])),
    stop,
  };
}

describe('audio guidance', () => {
  afterEach(() => act(() => changeLanguage('en')));

  it('is off until pressed, then says the title, the message and the choices', async () => {
    const user = userEvent.setup();
    const log = record();
    renderScreen(<MainMenu customerName="Alice Johnson" onChoose={jest.fn()} onExit={jest.fn()} />);
    const toggle = screen.getByRole('button', { name: 'Audio guidance' });
    expect(toggle).toHaveAttribute('aria-pressed', 'false');
    expect(log.said()).toEqual([]);
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-pressed', 'true');
    expect(log.said()).toEqual([
      'Main menu. Hello, Alice. What would you like to do? Choices: Balance, Withdraw, Deposit, Transfer, Statements, Change PIN, Exit.',
    ]);
    log.stop();
  });

  it('speaks in the session language', async () => {
    const user = userEvent.setup();
    await act(() => changeLanguage('es'));
    const log = record();
    renderScreen(<MainMenu customerName="Alice Johnson" onChoose={jest.fn()} onExit={jest.fn()} />);
    await user.click(screen.getByRole('button', { name: 'Guía de audio' }));
    expect(log.said()[0]).toBe(
      'Menú principal. Hola, Alice. ¿Qué desea hacer? Opciones: Saldo, Retirar, Depositar, Transferir, Estados de cuenta, Cambiar PIN, Salir.',
    );
    expect(log.events.some((e) => e.kind === 'utterance' && e.language === 'es')).toBe(true);
    log.stop();
  });

  it('never says a PIN digit: each key press is a tone', async () => {
    const user = userEvent.setup();
    const log = record();
    renderScreen(
      <PinScreen cardNumber="4000000000000010" onSignedIn={jest.fn()} onCancel={jest.fn()} />,
    );
    await user.click(screen.getByRole('button', { name: 'Audio guidance' }));
    for (const d of '1234') await user.click(screen.getByRole('button', { name: d }));
    expect(log.events.filter((e) => e.kind === 'tone')).toHaveLength(4);
    expect(screen.getByLabelText('PIN')).toHaveValue('1234');
    for (const text of log.said()) expect(text).not.toMatch(/[1-4]{2,}|\b[1-4]\b/);
    log.stop();
  });

  it('keeps balances and account numbers to the screen until headphones are connected', async () => {
    const user = userEvent.setup();
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
    const log = record();
    renderScreen(<BalanceScreen onBack={jest.fn()} />);
    await screen.findByRole('article', { name: 'Savings ••••0002' });
    await user.click(screen.getByRole('button', { name: 'Audio guidance' }));
    const before = log.said().join(' ');
    expect(before).toContain('Your balances');
    expect(before).toContain('shown on screen');
    expect(before).not.toMatch(/\$|\d{4}|dollars/);
    await user.click(screen.getByRole('button', { name: 'Headphones connected' }));
    const after = log.said().at(-1) ?? '';
    expect(after).toContain('twelve thousand five hundred dollars');
    expect(after).toContain('0 0 0 2');
    expect(after).not.toContain('shown on screen');
    log.stop();
  });

  it('stops speaking when the screen changes', async () => {
    const user = userEvent.setup();
    const log = record();
    const { unmount } = renderScreen(<WithdrawScreen onBack={jest.fn()} onCompleted={jest.fn()} />);
    await user.click(screen.getByRole('button', { name: 'Audio guidance' }));
    unmount();
    expect(log.events.at(-1)).toEqual({ kind: 'stop' });
    log.stop();
  });

  it('says amounts in words and account numbers digit by digit, only with headphones', () => {
    const text = 'From Checking ••••0001, $5,250.00 available. To 1000-0002-0001.';
    expect(speakable(text, 'en', false)).toBe(
      'From Checking shown on screen, shown on screen available. To shown on screen.',
    );
    expect(speakable(text, 'en', true)).toBe(
      'From Checking 0 0 0 1, five thousand two hundred fifty dollars available. To 1 0 0 0 0 0 0 2 0 0 0 1.',
    );
    expect(speakable('Depuis Chèque ••••0001, 5 250,00 $ US disponible.', 'fr', true)).toBe(
      'Depuis Chèque 0 0 0 1, cinq mille deux cent cinquante dollars disponible.',
    );
  });
});
