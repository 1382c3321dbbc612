import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FakeApi, problem } from '../../test/fake-api';
import { dashboard, renderConsole } from '../test/console';

describe('CashPage', () => {
  it('shows the stock and loads notes after Confirm, with an Idempotency-Key', async () => {
    let cash = [{ denominationCents: 2000, count: 498 }];
    const api = new FakeApi()
      .on('GET /admin/dashboard', () => ({ status: 200, body: dashboard({ cash }) }))
      .on('POST /admin/cash', () => {
        cash = [...cash, { denominationCents: 5000, count: 100 }];
        return { status: 200, body: { cash } };
      });
    api.install();
    const user = userEvent.setup();
    renderConsole('/admin/cash');
    const stock = await screen.findByRole('table', { name: 'Note stock' });
    expect(stock).toHaveTextContent('$20.00498$9,960.00');

    await user.selectOptions(screen.getByRole('combobox', { name: 'Denomination' }), '$50.00');
    await user.type(screen.getByRole('textbox', { name: 'Number of notes' }), '100');
    await user.click(screen.getByRole('button', { name: 'Load notes' }));
    const dialog = screen.getByRole('dialog', { name: 'Load notes?' });
    expect(dialog).toHaveTextContent('Load 100 notes of $50.00 ($5,000.00)');
    expect(api.sent('POST /admin/cash')).toHaveLength(0);
    await user.click(within(dialog).getByRole('button', { name: 'Confirm' }));

    await screen.findByText('Loaded 100 notes of $50.00.');
    const [load] = api.sent('POST /admin/cash');
    expect(load?.body).toEqual({ denominationCents: 5000, count: 100 });
    expect(load?.headers['Idempotency-Key']).toMatch(/^[0-9a-f-]{36}$/);
    expect(await within(stock).findByText('$5,000.00')).toBeInTheDocument();
    expect(screen.getByText('Total: $14,960.00')).toBeInTheDocument();
  });

  it('retries a load that failed in flight with the same key, and a new load with a new key', async () => {
    let answers = [503, 200, 200];
    const api = new FakeApi()
      .on('GET /admin/dashboard', { status: 200, body: dashboard() })
      .on('POST /admin/cash', () => {
        const [status = 200, ...rest] = answers;
        answers = rest;
        return status === 503
          ? { status, body: problem('SERVICE_UNAVAILABLE', { status: 503 }) }
          : { status, body: { cash: [{ denominationCents: 2000, count: 508 }] } };
      });
    api.install();
    const user = userEvent.setup();
    renderConsole('/admin/cash');
    await screen.findByRole('table', { name: 'Note stock' });
    await user.type(screen.getByRole('textbox', { name: 'Number of notes' }), '10');
    await user.click(screen.getByRole('button', { name: 'Load notes' }));
    await user.click(screen.getByRole('button', { name: 'Confirm' }));
    expect(await within(screen.getByRole('dialog')).findByRole('alert')).toHaveTextContent(
      'cannot be reached',
    );
    await user.click(screen.getByRole('button', { name: 'Confirm' }));
    await screen.findByText('Loaded 10 notes of $20.00.');

    await user.type(screen.getByRole('textbox', { name: 'Number of notes' }), '10');
    await user.click(screen.getByRole('button', { name: 'Load notes' }));
    await user.click(screen.getByRole('button', { name: 'Confirm' }));
    await screen.findByText('Loaded 10 notes of $20.00.');

    const keys = api.sent('POST /admin/cash').map((r) => r.headers['Idempotency-Key']);
    expect(keys).toHaveLength(3);
    expect(keys[1]).toBe(keys[0]);
    expect(keys[2]).not.toBe(keys[0]);
  });

  it('refuses a count that is not a whole number of notes before asking', async () => {
    const api = new FakeApi().on('GET /admin/dashboard', { status: 200, body: dashboard() });
    api.install();
    const user = userEvent.setup();
    renderConsole('/admin/cash');
    await screen.findByRole('table', { name: 'Note stock' });
    await user.type(screen.getByRole('textbox', { name: 'Number of notes' }), '2.5');
    await user.click(screen.getByRole('button', { name: 'Load notes' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Enter a whole number of notes');
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('tells a viewer that the role does not allow loading', async () => {
    new FakeApi()
      .on('GET /admin/dashboard', { status: 200, body: dashboard() })
      .on('POST /admin/cash', { status: 403, body: problem('FORBIDDEN', { status: 403 }) })
      .install();
    const user = userEvent.setup();
    renderConsole('/admin/cash', { role: 'VIEWER' });
    await screen.findByRole('table', { name: 'Note stock' });
    await user.type(screen.getByRole('textbox', { name: 'Number of notes' }), '5');
    await user.click(screen.getByRole('button', { name: 'Load notes' }));
    await user.click(screen.getByRole('button', { name: 'Confirm' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Your role does not allow this action.',
    );
  });
});
