import { screen, within } from '@testing-library/react';
import { CHECKING, FakeApi, SAVINGS } from '../../../test/fake-api';
import { renderScreen } from '../../../test/render';
import { BalanceScreen } from './BalanceScreen';

describe('BalanceScreen', () => {
  it('shows every account with available and ledger balances and its last transactions', async () => {
    const entry = {
      id: 'e1',
      transactionId: 't1',
      type: 'WITHDRAWAL',
      amountCents: -4000,
      balanceAfterCents: 521000,
      description: 'ATM withdrawal',
      createdAt: '2026-03-02T10:00:00Z',
    };
    new FakeApi()
      .on('GET /accounts', { status: 200, body: { accounts: [CHECKING, SAVINGS] } })
      .on(`GET /accounts/${CHECKING.id}/transactions`, {
        status: 200,
        body: { items: [entry], nextCursor: null },
      })
      .on(`GET /accounts/${SAVINGS.id}/transactions`, {
        status: 200,
        body: { items: [], nextCursor: null },
      })
      .install();
    renderScreen(<BalanceScreen onBack={jest.fn()} />);
    const savings = await screen.findByRole('article', { name: 'Savings ••••0002' });
    expect(within(savings).getByText('$12,300.00')).toBeInTheDocument();
    expect(within(savings).getByText('$12,500.00')).toBeInTheDocument();
    expect(within(savings).getByText('$200.00 of deposits is on hold.')).toBeInTheDocument();
    expect(await screen.findByText('ATM withdrawal')).toBeInTheDocument();
    expect(screen.getByText('-$40.00')).toBeInTheDocument();
    expect(await within(savings).findByText('No transactions yet.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Main menu' })).toBeInTheDocument();
  });
});
