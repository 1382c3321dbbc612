import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FakeApi } from '../../test/fake-api';
import { auditEvent, renderConsole } from '../test/console';
import { detailsText } from './AuditPage';

function paramsOf(path: string | undefined): URLSearchParams {
  return new URL(path ?? '', 'http://atm.test').searchParams;
}

describe('AuditPage', () => {
  it('lists events newest first and filters by type and actor', async () => {
    const api = new FakeApi().on('GET /admin/audit', (request) => {
      const params = paramsOf(request.path);
      const all = [
        auditEvent('e2', 'ACCOUNT_UNFROZEN', 'admin'),
        auditEvent('e1', 'ACCOUNT_FROZEN', 'cli:ops'),
      ];
      const items = all.filter(
        (e) =>
          (!params.get('type') || e.type === params.get('type')) &&
          (!params.get('actor') || e.actor === params.get('actor')),
      );
      return { status: 200, body: { items, nextCursor: null } };
    });
    api.install();
    const user = userEvent.setup();
    renderConsole('/admin/audit');
    const table = await screen.findByRole('table', { name: 'Audit events, newest first' });
    await within(table).findByText('ACCOUNT_UNFROZEN');
    expect(within(table).getByText('cli:ops')).toBeInTheDocument();
    // What the event concerns has its own column, the customer a link to their page.
    const [row] = within(table).getAllByRole('row').slice(1);
    const cells = within(row).getAllByRole('cell');
    expect(cells.map((cell) => cell.textContent)).toEqual([
      expect.any(String),
      'ACCOUNT_UNFROZEN',
      'admin',
      'Bob WilliamsAccount 1000-0002-0001',
      'outcome: REFUSED',
    ]);
    expect(within(row).getByRole('link', { name: 'Bob Williams' })).toHaveAttribute(
      'href',
      '/admin/customers/c0ffee00-0000-4000-8000-000000000001',
    );
    expect(paramsOf(api.requests[0]?.path).toString()).toBe('limit=20');

    await user.selectOptions(screen.getByRole('combobox', { name: 'Type' }), 'ACCOUNT_FROZEN');
    await user.type(screen.getByRole('textbox', { name: 'Actor' }), 'cli:ops');
    await user.click(screen.getByRole('button', { name: 'Apply filters' }));
    await screen.findByText((_, node) => node?.textContent === 'Page 1');
    await within(table).findByText('ACCOUNT_FROZEN');
    expect(within(table).queryByText('ACCOUNT_UNFROZEN')).toBeNull();
    const params = paramsOf(api.requests.at(-1)?.path);
    expect(params.get('type')).toBe('ACCOUNT_FROZEN');
    expect(params.get('actor')).toBe('cli:ops');
  });

  it('keeps a customer id that is no id among the details, not as a link', () => {
    expect(detailsText({ customerId: 'bob', code: 'NOT_FOUND' })).toBe(
      'customerId: bob, code: NOT_FOUND',
    );
    expect(detailsText({ customerId: 'c0ffee00-0000-4000-8000-000000000001', code: 'X' })).toBe(
      'code: X',
    );
  });

  it('pages with the cursor, keeping the filters', async () => {
    const api = new FakeApi().on('GET /admin/audit', (request) =>
      paramsOf(request.path).get('cursor') === 'next-1'
        ? {
            status: 200,
            body: { items: [auditEvent('old', 'CASH_LOADED', 'admin')], nextCursor: null },
          }
        : {
            status: 200,
            body: { items: [auditEvent('new', 'MAINTENANCE_ON', 'admin')], nextCursor: 'next-1' },
          },
    );
    api.install();
    const user = userEvent.setup();
    renderConsole('/admin/audit');
    const table = await screen.findByRole('table');
    await within(table).findByText('MAINTENANCE_ON');
    await user.type(screen.getByRole('textbox', { name: 'Actor' }), 'admin');
    await user.click(screen.getByRole('button', { name: 'Apply filters' }));
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    await within(table).findByText('CASH_LOADED');
    const params = paramsOf(api.requests.at(-1)?.path);
    expect(params.get('cursor')).toBe('next-1');
    expect(params.get('actor')).toBe('admin');
    expect(screen.getByRole('button', { name: 'Next page' })).toBeDisabled();
  });
});
