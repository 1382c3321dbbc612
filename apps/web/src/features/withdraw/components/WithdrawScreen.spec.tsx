import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CHECKING, FakeApi, problem, SAVINGS, transaction } from '../../../test/fake-api';
import { renderScreen } from '../../../test/render';
import { WithdrawScreen } from './WithdrawScreen';

function bank() {
  return new FakeApi().on('GET /accounts', {
    status: 200,
    body: { accounts: [CHECKING, SAVINGS] },
  });
}

describe('WithdrawScreen', () => {
  it('asks the account, offers fast cash, and withdraws once with one Idempotency-Key', async () => {
    const api = bank().on(`POST /accounts/${CHECKING.id}/withdrawals`, {
      status: 201,
      body: {
        transaction: transaction('WITHDRAWAL', 4000, 521000),
        notes: [{ denominationCents: 2000, count: 2 }],
      },
    });
    api.install();
    const onCompleted = jest.fn();
    const user = userEvent.setup();
    renderScreen(<WithdrawScreen onBack={jest.fn()} onCompleted={onCompleted} />);
    await user.click(await screen.findByRole('button', { name: /^Checking/ }));
    for (const name of ['$20', '$40', '$60', '$100', '$200', 'Other amount']) {
      expect(screen.getAllByRole('button', { name })).toHaveLength(1);
    }
    await user.click(screen.getByRole('button', { name: '$40' }));
    const confirm = screen.getByRole('button', { name: 'Confirm' });
    await user.dblClick(confirm);
    await screen.findByRole('button', { name: 'Confirm' });
    expect(onCompleted).toHaveBeenCalledTimes(1);
    const sent = api.sent(`POST /accounts/${CHECKING.id}/withdrawals`);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.body).toEqual({ amountCents: 4000 });
    expect(sent[0]?.headers['Idempotency-Key']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('explains a refusal and retries with the same key', async () => {
    const api = bank().on(`POST /accounts/${CHECKING.id}/withdrawals`, {
      status: 422,
      body: problem('DAILY_LIMIT_EXCEEDED', { remainingCents: 10000 }),
    });
    api.install();
    const user = userEvent.setup();
    renderScreen(<WithdrawScreen onBack={jest.fn()} onCompleted={jest.fn()} />);
    await user.click(await screen.findByRole('button', { name: /^Checking/ }));
    await user.click(screen.getByRole('button', { name: 'Other amount' }));
    for (const d of '200') await user.click(screen.getByRole('button', { name: d }));
    expect(screen.getByRole('textbox', { name: 'Amount' })).toHaveValue('$200');
    await user.click(screen.getByRole('button', { name: 'Enter' }));
    await user.click(screen.getByRole('button', { name: 'Confirm' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'You can withdraw $100.00 more today.',
    );
    await user.click(screen.getByRole('button', { name: 'Confirm' }));
    await screen.findByRole('alert');
    const keys = api
      .sent(`POST /accounts/${CHECKING.id}/withdrawals`)
      .map((r) => r.headers['Idempotency-Key']);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toBe(keys[1]);
    await user.click(screen.getByRole('button', { name: 'Back' }));
    expect(screen.getByRole('button', { name: '$20' })).toBeInTheDocument();
  });

  it('refuses an other amount that is not a multiple of $20', async () => {
    bank().install();
    const user = userEvent.setup();
    renderScreen(<WithdrawScreen onBack={jest.fn()} onCompleted={jest.fn()} />);
    await user.click(await screen.findByRole('button', { name: /^Savings/ }));
    await user.click(screen.getByRole('button', { name: 'Other amount' }));
    await user.type(screen.getByRole('textbox', { name: 'Amount' }), '25');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(screen.getByRole('alert')).toHaveTextContent('multiples of $20.00');
  });

  it('skips the account question for a single account', async () => {
    new FakeApi().on('GET /accounts', { status: 200, body: { accounts: [CHECKING] } }).install();
    renderScreen(<WithdrawScreen onBack={jest.fn()} onCompleted={jest.fn()} />);
    expect(await screen.findByRole('button', { name: '$60' })).toBeInTheDocument();
  });

  it('lists its choices in reading order with Back last (the phone layout follows it)', async () => {
    new FakeApi().on('GET /accounts', { status: 200, body: { accounts: [CHECKING] } }).install();
    renderScreen(<WithdrawScreen onBack={jest.fn()} onCompleted={jest.fn()} />);
    const display = (await screen.findByRole('button', { name: '$60' })).closest('.display');
    const names = [...(display?.querySelectorAll(':scope > button') ?? [])].map(
      (b) => b.textContent,
    );
    // Before the fix the buttons followed the slots: $20, $40, $60, Back, $100, ...
    expect(names).toEqual(['$20', '$40', '$60', '$100', '$200', 'Other amount', 'Back']);
  });
});
