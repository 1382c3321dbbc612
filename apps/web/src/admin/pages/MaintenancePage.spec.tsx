import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FakeApi, problem } from '../../test/fake-api';
import { renderConsole } from '../test/console';

describe('MaintenancePage', () => {
  it('turns maintenance on and off, each confirmed', async () => {
    let enabled = false;
    const api = new FakeApi()
      .on('GET /admin/maintenance', () => ({ status: 200, body: { enabled } }))
      .on('PUT /admin/maintenance', (request) => {
        enabled = (request.body as { enabled: boolean }).enabled;
        return { status: 200, body: { enabled } };
      });
    api.install();
    const user = userEvent.setup();
    renderConsole('/admin/maintenance');
    await screen.findByText('The ATM is in service (maintenance mode is off).');

    await user.click(screen.getByRole('button', { name: 'Turn maintenance on' }));
    const dialog = screen.getByRole('dialog', { name: 'Turn maintenance on?' });
    expect(api.sent('PUT /admin/maintenance')).toHaveLength(0);
    await user.click(within(dialog).getByRole('button', { name: 'Confirm' }));
    await screen.findByText('The ATM is out of service (maintenance mode is on).');
    expect(screen.getByRole('status')).toHaveTextContent('Maintenance mode is on.');

    await user.click(screen.getByRole('button', { name: 'Turn maintenance off' }));
    await user.click(screen.getByRole('button', { name: 'Confirm' }));
    await screen.findByText('The ATM is in service (maintenance mode is off).');
    expect(api.sent('PUT /admin/maintenance').map((r) => r.body)).toEqual([
      { enabled: true },
      { enabled: false },
    ]);
  });

  it('shows a refusal in an alert and leaves the state as it was', async () => {
    new FakeApi()
      .on('GET /admin/maintenance', { status: 200, body: { enabled: false } })
      .on('PUT /admin/maintenance', { status: 403, body: problem('FORBIDDEN', { status: 403 }) })
      .install();
    const user = userEvent.setup();
    renderConsole('/admin/maintenance', { role: 'OPERATOR' });
    await user.click(await screen.findByRole('button', { name: 'Turn maintenance on' }));
    await user.click(screen.getByRole('button', { name: 'Confirm' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Your role does not allow this action.',
    );
    expect(
      screen.getByText('The ATM is in service (maintenance mode is off).'),
    ).toBeInTheDocument();
  });
});
