import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CHECKING, transaction } from '../../../test/fake-api';
import { renderScreen } from '../../../test/render';
import { ReceiptScreen } from './ReceiptScreen';

describe('ReceiptScreen', () => {
  it('shows reference, amount, balance after and holds, with the two ways on', async () => {
    const onAnother = jest.fn();
    const onDone = jest.fn();
    const user = userEvent.setup();
    renderScreen(
      <ReceiptScreen
        receipt={{
          transaction: transaction('DEPOSIT', 50000, 1300000),
          account: CHECKING,
          holds: [{ amountCents: 30000, releaseAt: '2026-03-04T00:00:00Z' }],
          checkNumber: '1001',
        }}
        onAnother={onAnother}
        onDone={onDone}
      />,
    );
    expect(screen.getByText('TX7K2P')).toBeInTheDocument();
    expect(screen.getByText('$500.00')).toBeInTheDocument();
    expect(screen.getByText('$13,000.00')).toBeInTheDocument();
    expect(screen.getByText(/\$300\.00 until/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Another transaction' }));
    await user.click(screen.getByRole('button', { name: 'Done' }));
    expect(onAnother).toHaveBeenCalled();
    expect(onDone).toHaveBeenCalled();
  });

  it('shows what the linked savings account covered (overdraft protection)', () => {
    renderScreen(
      <ReceiptScreen
        receipt={{
          transaction: transaction('WITHDRAWAL', 6000, 0),
          account: CHECKING,
          notes: [{ denominationCents: 2000, count: 3 }],
          overdraft: { amountCents: 3000, fromAccountNumber: '••••0002' },
        }}
        onAnother={jest.fn()}
        onDone={jest.fn()}
      />,
    );
    expect(screen.getByText('Overdraft protection')).toBeInTheDocument();
    expect(screen.getByText('$30.00 from savings ••••0002')).toBeInTheDocument();
  });
});
