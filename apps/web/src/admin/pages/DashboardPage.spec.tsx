import { act, screen, within } from '@testing-library/react';
import { FakeApi } from '../../test/fake-api';
import { TOKEN, dashboard, renderConsole } from '../test/console';
import { DASHBOARD_REFRESH_MS } from './DashboardPage';

describe('DashboardPage', () => {
  afterEach(() => {
    jest.useRealTimers();
  });

  it('shows every figure and the cash balancing', async () => {
    new FakeApi().on('GET /admin/dashboard', { status: 200, body: dashboard() }).install();
    renderConsole('/admin');
    const balancing = await screen.findByRole('region', { name: 'Cash balancing' });
    expect(balancing).toHaveTextContent('Notes in the dispenser$9,960.00');
    expect(balancing).toHaveTextContent('Ledger says the machine holds$9,960.00');
    expect(balancing).toHaveTextContent('Balanced: the notes match the ledger.');
    const today = screen.getByRole('region', { name: 'Today' });
    expect(today).toHaveTextContent('Withdrawals4');
    expect(today).toHaveTextContent('Failed card sign-ins3');
    const people = screen.getByRole('region', { name: 'Customers and accounts' });
    expect(people).toHaveTextContent('Customers3');
    expect(people).toHaveTextContent('Locked cards1');
    expect(screen.getByRole('region', { name: 'Statements' })).toHaveTextContent(
      'Pending statements1',
    );
    const stock = within(screen.getByRole('region', { name: 'Note stock' })).getByRole('table');
    expect(stock).toHaveTextContent('$20.00498$9,960.00');
  });

  it('says by how much the notes and the ledger disagree', async () => {
    new FakeApi()
      .on('GET /admin/dashboard', {
        status: 200,
        body: dashboard({ cashBalancing: { stockCents: 996000, ledgerCents: 1000000 } }),
      })
      .install();
    renderConsole('/admin');
    expect(await screen.findByText(/Out of balance by \$40\.00/)).toBeInTheDocument();
  });

  it('polls every 10 seconds, each poll marked as a background refresh', async () => {
    jest.useFakeTimers();
    let customers = 3;
    const api = new FakeApi().on('GET /admin/dashboard', () => ({
      status: 200,
      body: dashboard({ customers }),
    }));
    api.install();
    renderConsole('/admin/dashboard');
    await screen.findByText('Customers and accounts');
    expect(api.sent('GET /admin/dashboard')).toHaveLength(1);

    customers = 4;
    await act(async () => {
      await jest.advanceTimersByTimeAsync(DASHBOARD_REFRESH_MS - 500);
    });
    expect(api.sent('GET /admin/dashboard')).toHaveLength(1);
    await act(async () => {
      await jest.advanceTimersByTimeAsync(1000);
    });
    expect(api.sent('GET /admin/dashboard')).toHaveLength(2);
    expect(screen.getByRole('region', { name: 'Customers and accounts' })).toHaveTextContent(
      'Customers4',
    );
    await act(async () => {
      await jest.advanceTimersByTimeAsync(DASHBOARD_REFRESH_MS);
    });
    expect(api.sent('GET /admin/dashboard')).toHaveLength(3);
    expect(DASHBOARD_REFRESH_MS).toBe(10_000);
    for (const poll of api.sent('GET /admin/dashboard')) {
      expect(poll.headers['X-Background-Refresh']).toBe('1');
      expect(poll.headers.Authorization).toBe(`Bearer ${TOKEN}`);
    }
  });
});
