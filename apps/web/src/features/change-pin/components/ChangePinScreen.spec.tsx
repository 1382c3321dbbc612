import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FakeApi, problem } from '../../../test/fake-api';
import { renderScreen } from '../../../test/render';
import { ChangePinScreen } from './ChangePinScreen';

async function typePins(
  user: ReturnType<typeof userEvent.setup>,
  current: string,
  first: string,
  second: string,
) {
  await user.type(screen.getByLabelText('Current PIN'), current);
  await user.click(screen.getByRole('button', { name: 'Next' }));
  await user.type(screen.getByLabelText('New PIN'), first);
  await user.click(screen.getByRole('button', { name: 'Next' }));
  await user.type(screen.getByLabelText('New PIN again'), second);
  await user.click(screen.getByRole('button', { name: 'Save PIN' }));
}

describe('ChangePinScreen', () => {
  it('asks for the current PIN, then the new one twice, and changes it', async () => {
    const api = new FakeApi().on('POST /auth/pin', { status: 204 });
    api.install();
    const user = userEvent.setup();
    renderScreen(<ChangePinScreen onBack={jest.fn()} onDone={jest.fn()} onLocked={jest.fn()} />);
    await typePins(user, '5678', '2580', '2580');
    expect(await screen.findByText(/Your PIN has been changed/)).toBeInTheDocument();
    expect(api.sent('POST /auth/pin')[0]?.body).toEqual({ currentPin: '5678', newPin: '2580' });
  });

  it('asks again when the two new PINs differ', async () => {
    const user = userEvent.setup();
    renderScreen(<ChangePinScreen onBack={jest.fn()} onDone={jest.fn()} onLocked={jest.fn()} />);
    await typePins(user, '5678', '2580', '2581');
    expect(screen.getByRole('alert')).toHaveTextContent('not the same');
    expect(screen.getByLabelText('New PIN')).toHaveValue('');
  });

  it('explains a weak PIN, and ends the session when the card locks', async () => {
    let calls = 0;
    new FakeApi()
      .on('POST /auth/pin', () => {
        calls += 1;
        return calls === 1
          ? { status: 422, body: problem('WEAK_PIN') }
          : {
              status: 423,
              body: problem('CARD_LOCKED', { status: 423, lockedUntil: new Date().toISOString() }),
            };
      })
      .install();
    const onLocked = jest.fn();
    const user = userEvent.setup();
    renderScreen(<ChangePinScreen onBack={jest.fn()} onDone={jest.fn()} onLocked={onLocked} />);
    await typePins(user, '5678', '1111', '1111');
    expect(await screen.findByRole('alert')).toHaveTextContent('too easy to guess');
    await user.type(screen.getByLabelText('New PIN'), '2580');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.type(screen.getByLabelText('New PIN again'), '2580');
    await user.click(screen.getByRole('button', { name: 'Save PIN' }));
    await screen.findByLabelText('New PIN again');
    expect(onLocked).toHaveBeenCalledWith(expect.stringContaining('locked'));
  });
});
