import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FakeApi, problem } from '../../test/fake-api';
import { sessionStore } from '../api/admin-session';
import { TOKEN, dashboard, renderConsole } from '../test/console';

const NAVIGATION = ['Dashboard', 'Customers', 'Audit log', 'Cash', 'Maintenance'];

function signInAnswer() {
  return {
    status: 200,
    body: {
      token: TOKEN,
      expiresAt: '2026-03-02T15:19:05.000Z',
      admin: { username: 'admin', role: 'ADMIN' },
    },
  };
}

async function fillSignIn(username: string, password: string, code = '') {
  const user = userEvent.setup();
  await user.type(screen.getByLabelText('Username', { exact: true }), username);
  await user.type(screen.getByLabelText('Password', { exact: true }), password);
  if (code) await user.type(screen.getByLabelText('One-time code', { exact: true }), code);
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
  return user;
}

describe('console sign-in', () => {
  it('shows the sign-in page on every console address while signed out', () => {
    new FakeApi().install();
    renderConsole('/admin/customers', { signedIn: false });
    expect(screen.getByRole('textbox', { name: 'Username' })).toBeInTheDocument();
    expect(screen.getByLabelText('Password', { exact: true })).toHaveAttribute('type', 'password');
    expect(screen.getByRole('textbox', { name: 'One-time code' })).toBeInTheDocument();
    expect(screen.getAllByRole('button', { name: 'Sign in' })).toHaveLength(1);
    expect(screen.queryByRole('link', { name: 'Customers' })).toBeNull();
  });

  it('signs in without a code, keeps the token out of the URL, and opens the console', async () => {
    const api = new FakeApi()
      .on('POST /admin/auth/login', signInAnswer())
      .on('GET /admin/dashboard', { status: 200, body: dashboard() });
    api.install();
    renderConsole('/admin', { signedIn: false });
    await fillSignIn('admin', 'demo-admin-password');

    await screen.findByRole('heading', { level: 1, name: 'Dashboard' });
    const nav = screen.getByRole('navigation', { name: 'Console' });
    for (const name of NAVIGATION) {
      expect(within(nav).getAllByRole('link', { name })).toHaveLength(1);
    }
    expect(screen.getAllByRole('button', { name: 'Sign out' })).toHaveLength(1);
    const [login] = api.sent('POST /admin/auth/login');
    expect(login?.body).toEqual({ username: 'admin', password: 'demo-admin-password' });
    expect(login?.headers.Authorization).toBeUndefined();
    expect(window.location.href).not.toContain(TOKEN);
    expect(sessionStore.read()?.token).toBe(TOKEN);
    const [poll] = api.sent('GET /admin/dashboard');
    expect(poll?.headers.Authorization).toBe(`Bearer ${TOKEN}`);
  });

  it('sends the one-time code when one is typed', async () => {
    const api = new FakeApi()
      .on('POST /admin/auth/login', signInAnswer())
      .on('GET /admin/dashboard', { status: 200, body: dashboard() });
    api.install();
    renderConsole('/admin', { signedIn: false });
    await fillSignIn('ops.lead', 'correct horse battery', '123 456');
    await screen.findByRole('heading', { level: 1, name: 'Dashboard' });
    expect(api.sent('POST /admin/auth/login')[0]?.body).toEqual({
      username: 'ops.lead',
      password: 'correct horse battery',
      totp: '123456',
    });
  });

  it('announces a refused sign-in in an alert, clears the used code, and stays signed out', async () => {
    new FakeApi()
      .on('POST /admin/auth/login', {
        status: 401,
        body: problem('INVALID_CREDENTIALS', { status: 401, attemptsRemaining: 3 }),
      })
      .install();
    renderConsole('/admin', { signedIn: false });
    await fillSignIn('admin', 'wrong-password-here', '111111');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The username, password or one-time code is not correct. 3 tries left.',
    );
    expect(screen.getByRole('textbox', { name: 'One-time code' })).toHaveValue('');
    expect(sessionStore.read()).toBeNull();
  });

  it('tells a locked-out administrator until when', async () => {
    new FakeApi()
      .on('POST /admin/auth/login', {
        status: 423,
        body: problem('ADMIN_LOCKED', { status: 423, lockedUntil: '2026-03-02T15:34:05.000Z' }),
      })
      .install();
    renderConsole('/admin', { signedIn: false });
    await fillSignIn('admin', 'wrong-password-here');
    expect(await screen.findByRole('alert')).toHaveTextContent(/Sign-in is locked until .*2026/);
  });

  it('signs out: ends the session on the server and returns to the sign-in page', async () => {
    const api = new FakeApi()
      .on('GET /admin/dashboard', { status: 200, body: dashboard() })
      .on('POST /admin/auth/logout', { status: 204 });
    api.install();
    const user = userEvent.setup();
    renderConsole('/admin');
    await screen.findByRole('heading', { level: 1, name: 'Dashboard' });
    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    await screen.findByRole('button', { name: 'Sign in' });
    expect(screen.getByRole('status')).toHaveTextContent('You have signed out.');
    expect(api.sent('POST /admin/auth/logout')[0]?.headers.Authorization).toBe(`Bearer ${TOKEN}`);
    expect(sessionStore.read()).toBeNull();
  });

  it('returns to the sign-in page when the server says the session expired', async () => {
    new FakeApi()
      .on('GET /admin/dashboard', {
        status: 401,
        body: problem('SESSION_EXPIRED', { status: 401 }),
      })
      .install();
    renderConsole('/admin/cash');
    await screen.findByRole('button', { name: 'Sign in' });
    expect(screen.getByRole('status')).toHaveTextContent(
      'Your session timed out. Please sign in again.',
    );
    expect(sessionStore.read()).toBeNull();
  });
});
