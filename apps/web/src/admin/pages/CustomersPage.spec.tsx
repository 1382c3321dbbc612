import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FakeApi, problem } from '../../test/fake-api';
import { ALICE, BOB, BOB_ID, renderConsole } from '../test/console';

function searchPath(url: string): URLSearchParams {
  return new URL(url, 'http://atm.test').searchParams;
}

describe('CustomersPage', () => {
  it('searches, lists the matches in a table, and links each name to the customer page', async () => {
    const api = new FakeApi()
      .on('GET /admin/customers', (request) => {
        const query = searchPath(request.path).get('query');
        const items = query === 'bob' ? [BOB] : [ALICE, BOB];
        return { status: 200, body: { items, nextCursor: null } };
      })
      .on(`GET /admin/customers/${BOB_ID}`, { status: 200, body: { customer: BOB } });
    api.install();
    const user = userEvent.setup();
    renderConsole('/admin/customers');
    await screen.findByRole('link', { name: 'Alice Johnson' });

    await user.type(screen.getByRole('searchbox', { name: 'Search' }), 'bob{Enter}');
    await screen.findByText('bob@example.com');
    expect(screen.queryByRole('link', { name: 'Alice Johnson' })).toBeNull();
    const last = api.sent('GET /admin/customers').at(-1);
    expect(searchPath(last?.path ?? '').get('query')).toBe('bob');
    expect(searchPath(last?.path ?? '').get('limit')).toBe('20');

    const table = screen.getByRole('table', { name: 'Customers' });
    const link = within(table).getByRole('link', { name: 'Bob Williams' });
    expect(link).toHaveAttribute('href', `/admin/customers/${BOB_ID}`);
    await user.click(link);
    await screen.findByRole('heading', { level: 1, name: 'Bob Williams' });
    expect(window.location.pathname).toBe(`/admin/customers/${BOB_ID}`);
  });

  it('pages forward with the cursor and back again', async () => {
    const api = new FakeApi().on('GET /admin/customers', (request) => {
      const cursor = searchPath(request.path).get('cursor');
      return cursor === 'page-2'
        ? { status: 200, body: { items: [BOB], nextCursor: null } }
        : { status: 200, body: { items: [ALICE], nextCursor: 'page-2' } };
    });
    api.install();
    const user = userEvent.setup();
    renderConsole('/admin/customers');
    await screen.findByRole('link', { name: 'Alice Johnson' });
    expect(screen.getByRole('button', { name: 'Previous page' })).toBeDisabled();
    expect(screen.getByText('Page 1')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Next page' }));
    await screen.findByRole('link', { name: 'Bob Williams' });
    expect(screen.getByText('Page 2')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Next page' })).toBeDisabled();
    expect(searchPath(api.requests.at(-1)?.path ?? '').get('cursor')).toBe('page-2');

    await user.click(screen.getByRole('button', { name: 'Previous page' }));
    await screen.findByRole('link', { name: 'Alice Johnson' });
    expect(screen.getByText('Page 1')).toBeInTheDocument();
  });

  it('moves between rows with the arrow keys and follows a row with Enter', async () => {
    new FakeApi()
      .on('GET /admin/customers', { status: 200, body: { items: [ALICE, BOB], nextCursor: null } })
      .on(`GET /admin/customers/${BOB_ID}`, { status: 200, body: { customer: BOB } })
      .install();
    const user = userEvent.setup();
    renderConsole('/admin/customers');
    await screen.findByRole('link', { name: 'Alice Johnson' });
    const rows = within(screen.getByRole('table')).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.tabIndex)).toEqual([0, -1]);
    rows[0]?.focus();
    await user.keyboard('{ArrowDown}');
    expect(rows[1]).toHaveFocus();
    expect(rows.map((r) => r.tabIndex)).toEqual([-1, 0]);
    await user.keyboard('{Home}');
    expect(rows[0]).toHaveFocus();
    await user.keyboard('{End}{Enter}');
    await screen.findByRole('heading', { level: 1, name: 'Bob Williams' });
  });

  it('shows a refused search in an alert', async () => {
    new FakeApi()
      .on('GET /admin/customers', {
        status: 400,
        body: problem('VALIDATION_FAILED', {
          status: 400,
          errors: [{ field: 'query', message: 'must not hold control characters' }],
        }),
      })
      .install();
    renderConsole('/admin/customers');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The request was refused: query must not hold control characters.',
    );
  });
});
