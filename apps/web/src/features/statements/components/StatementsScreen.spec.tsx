import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CHECKING, FakeApi } from '../../../test/fake-api';
import { renderScreen } from '../../../test/render';
import { StatementsScreen } from './StatementsScreen';

const NOW = () => new Date('2026-03-10T12:00:00Z');

describe('StatementsScreen', () => {
  afterEach(() => jest.useRealTimers());

  it('asks for a statement, shows progress while polling, then downloads it with the token', async () => {
    const statement = {
      id: '44444444-4444-4444-8444-444444444444',
      accountId: CHECKING.id,
      from: '2026-03-04',
      to: '2026-03-10',
      status: 'PENDING',
      createdAt: '',
    };
    let polls = 0;
    const api = new FakeApi()
      .on('GET /accounts', { status: 200, body: { accounts: [CHECKING] } })
      .on(`POST /accounts/${CHECKING.id}/statements`, { status: 202, body: { statement } })
      .on(`GET /statements/${statement.id}`, () => {
        polls += 1;
        return {
          status: 200,
          body: {
            statement: { ...statement, status: polls > 1 ? 'READY' : 'PROCESSING', pageCount: 1 },
          },
        };
      })
      .on(`GET /statements/${statement.id}/pdf`, { status: 200 });
    api.install();
    const createObjectURL = jest.fn(() => 'blob:statement');
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(() => undefined);
    const user = userEvent.setup();
    renderScreen(<StatementsScreen onBack={jest.fn()} now={NOW} />);
    for (const name of ['Last 7 days', 'Last 30 days', 'Last 90 days', 'Custom range']) {
      expect(await screen.findByRole('button', { name })).toBeInTheDocument();
    }
    await user.click(screen.getByRole('button', { name: 'Last 7 days' }));
    expect(api.sent(`POST /accounts/${CHECKING.id}/statements`)[0]?.body).toEqual({
      from: '2026-03-04',
      to: '2026-03-10',
      language: 'en',
    });
    expect(
      await screen.findByRole('heading', { name: 'Making your statement' }),
    ).toBeInTheDocument();
    await user.click(await screen.findByRole('button', { name: 'Download' }, { timeout: 4000 }));
    expect(await screen.findByText(/Downloaded/)).toBeInTheDocument();
    expect(api.sent(`GET /statements/${statement.id}/pdf`)[0]?.headers.Authorization).toBe(
      'Bearer test-token',
    );
    expect(createObjectURL).toHaveBeenCalled();
    expect(click).toHaveBeenCalled();
    click.mockRestore();
  });

  it('takes a custom range', async () => {
    const api = new FakeApi()
      .on('GET /accounts', { status: 200, body: { accounts: [CHECKING] } })
      .on(`POST /accounts/${CHECKING.id}/statements`, {
        status: 400,
        body: { type: 'x', title: 'x', status: 400, detail: 'x', code: 'VALIDATION_FAILED' },
      });
    api.install();
    const user = userEvent.setup();
    renderScreen(<StatementsScreen onBack={jest.fn()} now={NOW} />);
    await user.click(await screen.findByRole('button', { name: 'Custom range' }));
    const from = screen.getByLabelText('From date');
    await user.clear(from);
    await user.type(from, '2026-01-01');
    await user.click(screen.getByRole('button', { name: 'Make statement' }));
    expect(api.sent(`POST /accounts/${CHECKING.id}/statements`)[0]?.body).toEqual({
      from: '2026-01-01',
      to: '2026-03-10',
      language: 'en',
    });
    expect(await screen.findByRole('alert')).toHaveTextContent('That date range cannot be used');
  });
});
