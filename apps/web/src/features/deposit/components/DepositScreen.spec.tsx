import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CHECKING, FakeApi, SAVINGS, transaction } from '../../../test/fake-api';
import { renderScreen } from '../../../test/render';
import { DepositScreen } from './DepositScreen';

describe('DepositScreen', () => {
  it('deposits a check with its number and hands the holds to the receipt', async () => {
    const holds = [{ amountCents: 20000, releaseAt: '2026-03-03T00:00:00Z' }];
    const api = new FakeApi()
      .on('GET /accounts', { status: 200, body: { accounts: [CHECKING, SAVINGS] } })
      .on(`POST /accounts/${SAVINGS.id}/deposits`, {
        status: 201,
        body: { transaction: transaction('DEPOSIT', 50000, 1300000), holds },
      });
    api.install();
    const onCompleted = jest.fn();
    const user = userEvent.setup();
    renderScreen(<DepositScreen onBack={jest.fn()} onCompleted={onCompleted} />);
    await user.click(await screen.findByRole('button', { name: /^Savings/ }));
    expect(screen.getByRole('button', { name: 'Cash' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Check' }));
    await user.type(screen.getByRole('textbox', { name: 'Check number' }), '1001');
    await user.click(screen.getByRole('textbox', { name: 'Amount' }));
    for (const d of '50000') await user.click(screen.getByRole('button', { name: d }));
    expect(screen.getByRole('textbox', { name: 'Amount' })).toHaveValue('$500.00');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(screen.getByText('Check no. 1001')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Confirm' }));
    await screen.findByRole('button', { name: 'Confirm' });
    const sent = api.sent(`POST /accounts/${SAVINGS.id}/deposits`)[0];
    expect(sent?.body).toEqual({ amountCents: 50000, kind: 'CHECK', checkNumber: '1001' });
    expect(sent?.headers['Idempotency-Key']).toBeTruthy();
    expect(onCompleted).toHaveBeenCalledWith(
      expect.objectContaining({ holds, checkNumber: '1001' }),
    );
  });

  it('asks for the check number', async () => {
    new FakeApi().on('GET /accounts', { status: 200, body: { accounts: [CHECKING] } }).install();
    const user = userEvent.setup();
    renderScreen(<DepositScreen onBack={jest.fn()} onCompleted={jest.fn()} />);
    await user.click(await screen.findByRole('button', { name: 'Check' }));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(screen.getByRole('alert')).toHaveTextContent('check number');
  });
});
