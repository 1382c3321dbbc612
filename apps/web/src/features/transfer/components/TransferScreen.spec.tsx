import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CHECKING, FakeApi, problem, SAVINGS, transaction } from '../../../test/fake-api';
import { renderScreen } from '../../../test/render';
import { TransferScreen } from './TransferScreen';

function bank() {
  return new FakeApi().on('GET /accounts', {
    status: 200,
    body: { accounts: [CHECKING, SAVINGS] },
  });
}

async function fillForm(user: ReturnType<typeof userEvent.setup>) {
  await user.click(await screen.findByRole('button', { name: /^Checking/ }));
  await user.type(screen.getByRole('textbox', { name: 'To account number' }), '100000020001');
  expect(screen.getByRole('textbox', { name: 'To account number' })).toHaveValue('1000-0002-0001');
  await user.type(screen.getByRole('textbox', { name: 'Amount' }), '2550');
  await user.type(screen.getByRole('textbox', { name: 'Memo (optional)' }), 'Rent');
  await user.click(screen.getByRole('button', { name: 'Next' }));
}

describe('TransferScreen', () => {
  it('sends the normalized account number, amount and memo', async () => {
    const api = bank().on('POST /transfers', {
      status: 201,
      body: { transaction: transaction('TRANSFER', 2550, 522450) },
    });
    api.install();
    const onCompleted = jest.fn();
    const user = userEvent.setup();
    renderScreen(<TransferScreen onBack={jest.fn()} onCompleted={onCompleted} />);
    await fillForm(user);
    expect(screen.getByText('$25.50')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Confirm' }));
    await screen.findByRole('button', { name: 'Confirm' });
    expect(api.sent('POST /transfers')[0]?.body).toEqual({
      fromAccountId: CHECKING.id,
      toAccountNumber: '100000020001',
      amountCents: 2550,
      memo: 'Rent',
    });
    expect(onCompleted).toHaveBeenCalledWith(
      expect.objectContaining({ toAccountNumber: '100000020001', memo: 'Rent' }),
    );
  });

  it('says when the recipient does not exist, and a new attempt after editing gets a new key', async () => {
    const api = bank().on('POST /transfers', { status: 422, body: problem('RECIPIENT_NOT_FOUND') });
    api.install();
    const user = userEvent.setup();
    renderScreen(<TransferScreen onBack={jest.fn()} onCompleted={jest.fn()} />);
    await fillForm(user);
    await user.click(screen.getByRole('button', { name: 'Confirm' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('no account with that number');
    await user.click(screen.getByRole('button', { name: 'Back' }));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.click(screen.getByRole('button', { name: 'Confirm' }));
    await screen.findByRole('alert');
    const keys = api.sent('POST /transfers').map((r) => r.headers['Idempotency-Key']);
    expect(keys).toHaveLength(2);
    expect(keys[0]).not.toBe(keys[1]);
  });

  it('refuses an incomplete account number', async () => {
    bank().install();
    const user = userEvent.setup();
    renderScreen(<TransferScreen onBack={jest.fn()} onCompleted={jest.fn()} />);
    await user.click(await screen.findByRole('button', { name: /^Savings/ }));
    await user.type(screen.getByRole('textbox', { name: 'To account number' }), '1000');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(screen.getByRole('alert')).toHaveTextContent('12-digit account number');
  });
});
