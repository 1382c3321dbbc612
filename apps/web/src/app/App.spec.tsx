import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CHECKING, FakeApi } from '../test/fake-api';
import { App } from './App';

const LOGIN = {
  accessToken: 'token-1',
  tokenType: 'Bearer',
  expiresInSeconds: 60,
  customer: { id: 'c', name: 'Alice Johnson' },
  card: { last4: '0010' },
};

function fakeBank() {
  const api = new FakeApi()
    .on('POST /auth/login', { status: 200, body: LOGIN })
    .on('POST /auth/logout', { status: 204 })
    .on('POST /auth/keepalive', () => ({
      status: 200,
      body: { expiresAt: new Date(Date.now() + 60_000).toISOString() },
    }))
    .on('GET /accounts', { status: 200, body: { accounts: [CHECKING] } });
  api.install();
  return api;
}

async function signIn(user: ReturnType<typeof userEvent.setup>) {
  await user.type(screen.getByRole('textbox', { name: 'Card number' }), '4000000000000010');
  await user.click(screen.getByRole('button', { name: 'Insert card' }));
  for (const digit of '1234') await user.click(screen.getByRole('button', { name: digit }));
  await user.click(screen.getByRole('button', { name: 'Enter' }));
  await screen.findByRole('heading', { name: 'Main menu' });
}

describe('App', () => {
  afterEach(() => jest.useRealTimers());

  it('starts on the card screen with the keypad', () => {
    render(<App />);
    expect(screen.getByRole('textbox', { name: 'Card number' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Insert card' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Enter' })).toBeInTheDocument();
  });

  it('signs in, keeps the token out of storage, and logs out on Exit', async () => {
    const api = fakeBank();
    const user = userEvent.setup();
    render(<App />);
    await signIn(user);
    expect(api.sent('POST /auth/login')[0]?.body).toEqual({
      cardNumber: '4000000000000010',
      pin: '1234',
    });
    expect(JSON.stringify({ ...localStorage })).not.toContain('token-1');
    expect(JSON.stringify({ ...sessionStorage })).not.toContain('token-1');
    await user.click(screen.getByRole('button', { name: 'Exit' }));
    expect(await screen.findByText('Thank you. Please take your card.')).toBeInTheDocument();
    expect(api.sent('POST /auth/logout')[0]?.headers.Authorization).toBe('Bearer token-1');
  });

  it('asks "Are you still there?" near the end, and returns the card when the session ends', async () => {
    jest.useFakeTimers({ now: new Date('2026-03-02T12:00:00Z') });
    const api = fakeBank();
    const user = userEvent.setup({ advanceTimers: jest.advanceTimersByTime });
    render(<App />);
    await signIn(user);
    // 60 s idle timeout: the warning shows for the last 12 s (20%).
    act(() => jest.advanceTimersByTime(47_000));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    act(() => jest.advanceTimersByTime(2_000));
    const dialog = screen.getByRole('dialog', { name: 'Are you still there?' });
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(api.sent('POST /auth/keepalive')).toHaveLength(1);
    await waitFor(() => expect(dialog).not.toBeInTheDocument());
    act(() => jest.advanceTimersByTime(61_000));
    expect(
      screen.getByText('Your session timed out, so your card has been returned.'),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Insert card' })).toBeInTheDocument();
  });

  it('returns the card when the server says the session expired', async () => {
    const api = fakeBank();
    api.on('GET /accounts', {
      status: 401,
      body: { type: 'x', title: 'x', status: 401, detail: 'x', code: 'SESSION_EXPIRED' },
    });
    const user = userEvent.setup();
    render(<App />);
    await signIn(user);
    await user.click(screen.getByRole('button', { name: 'Balance' }));
    expect(
      await screen.findByText('Your session timed out, so your card has been returned.'),
    ).toBeInTheDocument();
  });

  it('takes the physical keyboard: digits, Backspace, Escape', async () => {
    render(<App />);
    const field = screen.getByRole('textbox', { name: 'Card number' });
    field.blur();
    for (const key of '40001') fireEvent.keyDown(window, { key });
    fireEvent.keyDown(window, { key: 'Backspace' });
    expect(field).toHaveValue('4000');
    fireEvent.change(field, { target: { value: '4000000000000010' } });
    fireEvent.keyDown(window, { key: 'Enter' });
    expect(await screen.findByLabelText('PIN')).toBeInTheDocument();
    fireEvent.keyDown(window, { key: 'Escape' });
    expect(
      await screen.findByText('Your card has been returned. Please take it.'),
    ).toBeInTheDocument();
  });
});
