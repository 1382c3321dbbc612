import { ERROR_TITLES, type ProblemDetails } from '@atm/contracts';
import { accountByNumber, newKey } from './support/accounts';
import { DEMO, TestApp } from './support/test-app';

/**
 * Accept-Language (contract v1.1): problem titles and details in the request's language,
 * the code unchanged, never a 500 whatever the header. Runs on PGlite and on PostgreSQL.
 */
describe('languages', () => {
  let t: TestApp;
  let alice: string;
  let checkingId: string;

  beforeAll(async () => {
    t = await TestApp.start();
    alice = (await t.login(DEMO.alice.cardNumber, DEMO.alice.pin)).accessToken;
    checkingId = (await accountByNumber(t, alice, DEMO.alice.checking)).id;
    // Booting the app (PGlite, migrations, seed with argon2) is slow on a busy machine.
  }, 180_000);
  afterAll(() => t.close());

  const anonymous = (acceptLanguage: string) =>
    t.request<ProblemDetails>('GET', '/api/v1/accounts', {
      headers: { 'accept-language': acceptLanguage },
    });
  const SIGN_IN_ES = 'Se necesita autenticación';
  const SIGN_IN_FR = 'Une authentification est requise';

  it.each([
    ['es', 'es', SIGN_IN_ES],
    ['es-MX', 'es-MX', SIGN_IN_ES],
    ['fr-CA', 'fr-CA', SIGN_IN_FR],
    ['weights', 'es-MX;q=0.1, fr;q=0.9', SIGN_IN_FR],
    ['en', 'en', ERROR_TITLES.UNAUTHENTICATED],
    ['*', '*', ERROR_TITLES.UNAUTHENTICATED],
    ['unsupported only', 'de-DE, it;q=0.8', ERROR_TITLES.UNAUTHENTICATED],
    ['garbage', 'garbage;;q=x,,,\t', ERROR_TITLES.UNAUTHENTICATED],
    ['10 KB of one tag', 'x'.repeat(10 * 1024), ERROR_TITLES.UNAUTHENTICATED],
    ['10 KB of ranges', 'fr;q=0.1,'.repeat(1100), SIGN_IN_FR],
  ])('Accept-Language %s answers in its language, same code', async (_what, header, title) => {
    const response = await anonymous(header);
    expect(response.status).toBe(401);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body.code).toBe('UNAUTHENTICATED');
    expect(response.body.title).toBe(title);
  });

  it('tells the detail in the language, facts included', async () => {
    const response = await t.request<ProblemDetails>('POST', '/api/v1/auth/login', {
      body: { cardNumber: DEMO.bob.cardNumber, pin: '0000' },
      headers: { 'accept-language': 'fr' },
    });
    expect(response.status).toBe(401);
    expect(response.body).toMatchObject({
      code: 'INVALID_CREDENTIALS',
      title: 'Le numéro de carte ou le PIN est incorrect',
      attemptsRemaining: 2,
      detail: 'Le numéro de carte ou le PIN est incorrect. Essais restants : 2.',
    });
    // A right PIN resets the count.
    await t.login(DEMO.bob.cardNumber, DEMO.bob.pin);
  });

  it('answers a refusal in the language, and the replay of it in the language asked then', async () => {
    const key = newKey('lang');
    const withdraw = (acceptLanguage: string) =>
      t.request<ProblemDetails>('POST', `/api/v1/accounts/${checkingId}/withdrawals`, {
        token: alice,
        body: { amountCents: 2500 },
        headers: { 'idempotency-key': key, 'accept-language': acceptLanguage },
      });
    const first = await withdraw('es');
    expect(first.status).toBe(422);
    expect(first.body).toMatchObject({
      code: 'INVALID_AMOUNT',
      title: 'La cantidad no está permitida',
    });
    const replay = await withdraw('fr');
    expect(replay.status).toBe(422);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.body).toMatchObject({
      code: 'INVALID_AMOUNT',
      title: "Le montant n'est pas autorisé",
    });
    const english = await withdraw('en');
    expect(english.body.title).toBe(ERROR_TITLES.INVALID_AMOUNT);
  });

  it('translates framework refusals too: an unknown route', async () => {
    const unknown = await t.request<ProblemDetails>('GET', '/api/v1/nowhere', {
      headers: { 'accept-language': 'es' },
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ code: 'NOT_FOUND', title: 'No encontrado' });
  });
});
