import { FakeApi, problem } from '../../test/fake-api';
import { changeLanguage } from '../i18n/i18n';
import { ApiError, apiJson, moveMoney, setSessionHooks, tokenStore } from './http';

const noWait = () => Promise.resolve();

describe('moveMoney', () => {
  beforeEach(() => tokenStore.set('token'));

  it('retries a 503 and a lost connection with the same Idempotency-Key', async () => {
    const api = new FakeApi();
    let calls = 0;
    api.on('POST /transfers', () => {
      calls += 1;
      return calls === 1
        ? { status: 503, body: problem('SERVICE_UNAVAILABLE', { status: 503 }) }
        : { status: 201, body: { ok: true } };
    });
    api.install();
    await expect(moveMoney('/transfers', { amountCents: 1 }, 'key-1', noWait)).resolves.toEqual({
      ok: true,
    });
    expect(api.requests.map((r) => r.headers['Idempotency-Key'])).toEqual(['key-1', 'key-1']);
    expect(api.requests[0]?.headers.Authorization).toBe('Bearer token');
  });

  it('does not retry a refusal', async () => {
    const api = new FakeApi().on('POST /transfers', {
      status: 422,
      body: problem('INSUFFICIENT_FUNDS'),
    });
    api.install();
    await expect(moveMoney('/transfers', {}, 'key-2', noWait)).rejects.toBeInstanceOf(ApiError);
    expect(api.requests).toHaveLength(1);
  });

  it('reports a lost session', async () => {
    const onSessionLost = jest.fn();
    setSessionHooks({ onActivity: () => undefined, onSessionLost });
    new FakeApi()
      .on('POST /transfers', { status: 401, body: problem('SESSION_EXPIRED', { status: 401 }) })
      .install();
    await expect(moveMoney('/transfers', {}, 'key-3', noWait)).rejects.toBeInstanceOf(ApiError);
    expect(onSessionLost).toHaveBeenCalledWith('SESSION_EXPIRED');
  });
});

describe('Accept-Language', () => {
  afterEach(() => changeLanguage('en'));

  it("sends the session's language on every request", async () => {
    const api = new FakeApi()
      .on('GET /accounts', { status: 200, body: { accounts: [] } })
      .on('POST /transfers', { status: 201, body: {} });
    api.install();
    await apiJson('/accounts');
    await changeLanguage('fr');
    await moveMoney('/transfers', {}, 'key-4', noWait);
    await apiJson('/accounts', { auth: false });
    expect(api.requests.map((r) => r.headers['Accept-Language'])).toEqual(['en', 'fr', 'fr']);
  });
});
