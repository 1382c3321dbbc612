import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FakeApi, problem } from '../../test/fake-api';
import { BOB, BOB_ID, renderConsole } from '../test/console';

const CHECKING = BOB.accounts[0];
const CARD = BOB.cards[0];

function bank() {
  return new FakeApi().on(`GET /admin/customers/${BOB_ID}`, {
    status: 200,
    body: { customer: BOB },
  });
}

describe('CustomerPage', () => {
  it('gives each account and card a region named by its masked number, holding its actions', async () => {
    bank().install();
    renderConsole(`/admin/customers/${BOB_ID}`);
    const account = await screen.findByRole('region', { name: 'Checking ••••0001' });
    const card = screen.getByRole('region', { name: 'Card ••••0028' });
    expect(account).toHaveTextContent('1000-0002-0001');
    expect(account).toHaveTextContent('$850.75');
    for (const name of ['Freeze', 'Unfreeze', 'Close account']) {
      expect(within(account).getAllByRole('button', { name })).toHaveLength(1);
    }
    expect(within(account).getByRole('button', { name: 'Unfreeze' })).toBeDisabled();
    for (const name of ['Block card', 'Unlock card']) {
      expect(within(card).getAllByRole('button', { name })).toHaveLength(1);
    }
    expect(within(card).getByRole('button', { name: 'Unlock card' })).toBeDisabled();
    expect(document.body.textContent).not.toMatch(/\d{16}/);
  });

  it('freezes only after Confirm in the dialog, then offers Unfreeze', async () => {
    const api = bank().on(`POST /admin/accounts/${CHECKING.id}/freeze`, {
      status: 200,
      body: { account: { ...CHECKING, status: 'FROZEN' } },
    });
    api.install();
    const user = userEvent.setup();
    renderConsole(`/admin/customers/${BOB_ID}`);
    const account = await screen.findByRole('region', { name: 'Checking ••••0001' });
    await user.click(within(account).getByRole('button', { name: 'Freeze' }));

    const dialog = screen.getByRole('dialog', { name: 'Freeze Checking ••••0001?' });
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    expect(api.sent(`POST /admin/accounts/${CHECKING.id}/freeze`)).toHaveLength(0);
    await user.click(within(dialog).getByRole('button', { name: 'Confirm' }));

    await screen.findByText('Checking ••••0001 is frozen.');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(api.sent(`POST /admin/accounts/${CHECKING.id}/freeze`)).toHaveLength(1);
    expect(within(account).getByRole('button', { name: 'Unfreeze' })).toBeEnabled();
    expect(within(account).getByRole('button', { name: 'Freeze' })).toBeDisabled();
    expect(account).toHaveTextContent('Frozen');
    expect(api.sent(`GET /admin/customers/${BOB_ID}`)).toHaveLength(1);
  });

  it('links overdraft protection from a savings account of the customer, after Confirm', async () => {
    const savings = {
      ...CHECKING,
      id: '66666666-6666-4666-8666-666666666666',
      number: '100000020002',
      type: 'SAVINGS' as const,
    };
    const api = new FakeApi()
      .on(`GET /admin/customers/${BOB_ID}`, {
        status: 200,
        body: { customer: { ...BOB, accounts: [CHECKING, savings] } },
      })
      .on(`POST /admin/accounts/${CHECKING.id}/overdraft`, {
        status: 200,
        body: { account: { ...CHECKING, overdraftFromAccountNumber: '••••0002' } },
      });
    api.install();
    const user = userEvent.setup();
    renderConsole(`/admin/customers/${BOB_ID}`);
    const account = await screen.findByRole('region', { name: 'Checking ••••0001' });
    expect(
      within(account).getByRole('button', { name: 'Unlink overdraft protection' }),
    ).toBeDisabled();
    await user.click(within(account).getByRole('button', { name: 'Link overdraft protection' }));
    const dialog = screen.getByRole('dialog', {
      name: 'Protect Checking ••••0001 from overdrafts?',
    });
    expect(within(dialog).getByRole('combobox', { name: 'From savings account' })).toHaveValue(
      '100000020002',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Confirm' }));
    await screen.findByText('Checking ••••0001 is protected from overdrafts.');
    expect(api.sent(`POST /admin/accounts/${CHECKING.id}/overdraft`).map((r) => r.body)).toEqual([
      { fromAccountNumber: '100000020002' },
    ]);
    expect(account).toHaveTextContent('••••0002');
    expect(
      within(account).getByRole('button', { name: 'Unlink overdraft protection' }),
    ).toBeEnabled();
  });

  it('cancels with Escape or Cancel: nothing is sent and focus returns to the action', async () => {
    const api = bank();
    api.install();
    const user = userEvent.setup();
    renderConsole(`/admin/customers/${BOB_ID}`);
    const card = await screen.findByRole('region', { name: 'Card ••••0028' });
    const block = within(card).getByRole('button', { name: 'Block card' });
    await user.click(block);
    expect(screen.getByRole('dialog', { name: 'Block Card ••••0028?' })).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(block).toHaveFocus();

    await user.click(block);
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(api.requests.filter((r) => r.method === 'POST')).toHaveLength(0);
  });

  it('keeps Tab inside the dialog', async () => {
    bank().install();
    const user = userEvent.setup();
    renderConsole(`/admin/customers/${BOB_ID}`);
    const account = await screen.findByRole('region', { name: 'Checking ••••0001' });
    await user.click(within(account).getByRole('button', { name: 'Close account' }));
    const dialog = screen.getByRole('dialog');
    const cancel = within(dialog).getByRole('button', { name: 'Cancel' });
    const confirm = within(dialog).getByRole('button', { name: 'Confirm' });
    expect(cancel).toHaveFocus();
    await user.tab();
    expect(confirm).toHaveFocus();
    await user.tab();
    expect(cancel).toHaveFocus();
    await user.tab({ shift: true });
    expect(confirm).toHaveFocus();
  });

  it('shows a refusal inside the dialog, in an alert', async () => {
    bank()
      .on(`POST /admin/accounts/${CHECKING.id}/close`, {
        status: 422,
        body: problem('ACCOUNT_NOT_EMPTY'),
      })
      .install();
    const user = userEvent.setup();
    renderConsole(`/admin/customers/${BOB_ID}`);
    const account = await screen.findByRole('region', { name: 'Checking ••••0001' });
    await user.click(within(account).getByRole('button', { name: 'Close account' }));
    await user.click(screen.getByRole('button', { name: 'Confirm' }));
    const dialog = screen.getByRole('dialog');
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'The account still holds money, so it cannot be closed.',
    );
    expect(account).toHaveTextContent('Active');
  });

  it('blocks a card and unlocks a locked one through the card routes', async () => {
    const locked = {
      ...BOB,
      cards: [{ ...CARD, status: 'LOCKED' as const, lockedUntil: '2026-03-02T15:34:05.000Z' }],
    };
    const api = new FakeApi()
      .on(`GET /admin/customers/${BOB_ID}`, { status: 200, body: { customer: locked } })
      .on(`POST /admin/cards/${CARD.id}/unlock`, {
        status: 200,
        body: { card: { ...CARD, status: 'ACTIVE' } },
      });
    api.install();
    const user = userEvent.setup();
    renderConsole(`/admin/customers/${BOB_ID}`);
    const card = await screen.findByRole('region', { name: 'Card ••••0028' });
    expect(card).toHaveTextContent('Locked until');
    await user.click(within(card).getByRole('button', { name: 'Unlock card' }));
    await user.click(screen.getByRole('button', { name: 'Confirm' }));
    await screen.findByText('Card ••••0028 is unlocked.');
    expect(api.sent(`POST /admin/cards/${CARD.id}/unlock`)).toHaveLength(1);
    expect(within(card).getByRole('button', { name: 'Unlock card' })).toBeDisabled();
  });

  it('explains a customer that does not exist', async () => {
    new FakeApi().install();
    renderConsole('/admin/customers/88888888-8888-4888-8888-888888888888');
    expect(await screen.findByRole('alert')).toHaveTextContent('That could not be found.');
  });
});
