import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FakeApi, problem } from '../../../test/fake-api';
import { renderScreen } from '../../../test/render';
import { PinScreen } from './PinScreen';

const CARD = '4000000000000010';

describe('PinScreen', () => {
  it('has a masked PIN field and the keypad the contract names', () => {
    renderScreen(<PinScreen cardNumber={CARD} onSignedIn={jest.fn()} onCancel={jest.fn()} />, {
      signedIn: false,
    });
    expect(screen.getByLabelText('PIN')).toHaveAttribute('type', 'password');
    for (const name of [
      '0',
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
      '8',
      '9',
      'Clear',
      'Cancel',
      'Enter',
    ]) {
      expect(screen.getAllByRole('button', { name })).toHaveLength(1);
    }
  });

  it('counts down the tries, then says the card is locked', async () => {
    const lockedUntil = new Date(Date.now() + 30 * 60_000).toISOString();
    let calls = 0;
    new FakeApi()
      .on('POST /auth/login', () => {
        calls += 1;
        return calls < 3
          ? {
              status: 401,
              body: problem('INVALID_CREDENTIALS', { status: 401, attemptsRemaining: 3 - calls }),
            }
          : { status: 423, body: problem('CARD_LOCKED', { status: 423, lockedUntil }) };
      })
      .install();
    const user = userEvent.setup();
    renderScreen(<PinScreen cardNumber={CARD} onSignedIn={jest.fn()} onCancel={jest.fn()} />, {
      signedIn: false,
    });
    const enter = async (pin: string) => {
      for (const d of pin) await user.click(screen.getByRole('button', { name: d }));
      await user.click(screen.getByRole('button', { name: 'Enter' }));
    };
    await enter('1111');
    expect(await screen.findByRole('alert')).toHaveTextContent('You have 2 tries left.');
    expect(screen.getByLabelText('PIN')).toHaveValue('');
    await enter('2222');
    expect(await screen.findByText(/You have 1 try left/)).toBeInTheDocument();
    await enter('3333');
    expect(await screen.findByText(/Your card is locked .* until/)).toBeInTheDocument();
  });

  it('signs in and hands over the session', async () => {
    const login = {
      accessToken: 't',
      tokenType: 'Bearer',
      expiresInSeconds: 120,
      customer: { id: 'c', name: 'A' },
      card: { last4: '0010' },
    };
    new FakeApi().on('POST /auth/login', { status: 200, body: login }).install();
    const onSignedIn = jest.fn();
    const user = userEvent.setup();
    renderScreen(<PinScreen cardNumber={CARD} onSignedIn={onSignedIn} onCancel={jest.fn()} />, {
      signedIn: false,
    });
    await user.type(screen.getByLabelText('PIN'), '1234{Enter}');
    await screen.findByLabelText('PIN');
    expect(onSignedIn).toHaveBeenCalledWith(login);
  });

  it('Cancel returns the card', async () => {
    const onCancel = jest.fn();
    const user = userEvent.setup();
    renderScreen(<PinScreen cardNumber={CARD} onSignedIn={jest.fn()} onCancel={onCancel} />, {
      signedIn: false,
    });
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onCancel).toHaveBeenCalled();
  });
});
