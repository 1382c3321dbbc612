import { randomUUID } from 'node:crypto';
import { ERROR_TITLES, type ProblemDetails, type Transaction } from '@atm/contracts';
import { accountByNumber, newKey } from './support/accounts';
import { pdfText, requestStatement, waitForStatus } from './support/statement-helpers';
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

  describe('receipts', () => {
    const receipt = (token: string, id: string, acceptLanguage = 'en') =>
      t.app.inject({
        method: 'GET',
        url: `/api/v1/transactions/${id}/receipt`,
        headers: { authorization: `Bearer ${token}`, 'accept-language': acceptLanguage },
      });
    const transfer = async (token: string, body: Record<string, unknown>) => {
      const response = await t.request<{ transaction: Transaction }>('POST', '/api/v1/transfers', {
        token,
        body,
        headers: { 'idempotency-key': newKey('receipt') },
      });
      expect(response.status).toBe(201);
      return response.body.transaction;
    };

    it('prints a withdrawal in French: bank, ATM, date, reference, type, amount, account, balance, notes', async () => {
      const response = await t.request<{ transaction: Transaction }>(
        'POST',
        `/api/v1/accounts/${checkingId}/withdrawals`,
        { token: alice, body: { amountCents: 6000 }, headers: { 'idempotency-key': newKey('r') } },
      );
      expect(response.status).toBe(201);
      const tx = response.body.transaction;
      const pdf = await receipt(alice, tx.id, 'fr-CA,fr;q=0.9,en;q=0.5');
      expect(pdf.statusCode).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect(pdf.headers['content-disposition']).toBe(
        `attachment; filename="receipt-${tx.reference}.pdf"`,
      );
      const text = (await pdfText(pdf.rawPayload)).replace(/\s+/g, ' ');
      for (const expected of [
        'Harbor Savings Bank',
        'Reçu',
        // The machine's name in French word order, never "Harbor Savings Bank Guichet".
        'Guichet Guichet automatique Harbor Savings Bank, 200 Harbor Street',
        'Date et heure',
        `Référence ${tx.reference}`,
        'Opération Retrait',
        'Montant 60,00 $ US',
        'Compte Compte chèque ••••0001',
        'Solde après',
        'Billets remis 3 × 20,00 $ US',
      ]) {
        expect(text).toContain(expected);
      }
      expect(text).not.toContain(DEMO.alice.checking);
      const english = (await pdfText((await receipt(alice, tx.id)).rawPayload)).replace(
        /\s+/g,
        ' ',
      );
      expect(english).toContain('ATM Harbor Savings Bank ATM, 200 Harbor Street');
    });

    it('prints a transfer with a memo in Spanish, accents and emoji included', async () => {
      const tx = await transfer(alice, {
        fromAccountId: checkingId,
        toAccountNumber: DEMO.alice.savings,
        amountCents: 1234,
        memo: 'Año nuevo 😀 🎉',
      });
      const pdf = await receipt(alice, tx.id, 'es-MX');
      expect(pdf.statusCode).toBe(200);
      const text = (await pdfText(pdf.rawPayload)).replace(/\s+/g, ' ');
      expect(text).toContain('Recibo');
      expect(text).toContain('Cajero Cajero de Harbor Savings Bank, 200 Harbor Street');
      expect(text).toContain('Tipo Transferencia');
      expect(text).toContain('Importe $12.34');
      expect(text).toContain('Cuenta de destino ••••0002');
      expect(text).toContain('Año nuevo 😀 □');
      expect(text).not.toContain('?');
    });

    it("answers 404 for a transfer received from someone else, another customer's transaction and an unknown id", async () => {
      const bob = (await t.login(DEMO.bob.cardNumber, DEMO.bob.pin)).accessToken;
      const bobChecking = await accountByNumber(t, bob, DEMO.bob.checking);
      const received = await transfer(bob, {
        fromAccountId: bobChecking.id,
        toAccountNumber: DEMO.alice.checking,
        amountCents: 100,
      });
      expect((await receipt(bob, received.id)).statusCode).toBe(200);
      for (const id of [received.id, randomUUID()]) {
        const response = await receipt(alice, id, 'fr');
        expect(response.statusCode).toBe(404);
        expect(JSON.parse(response.body)).toMatchObject({
          code: 'NOT_FOUND',
          title: 'Introuvable',
        });
      }
      const bobsWithdrawal = await t.request<{ transaction: Transaction }>(
        'POST',
        `/api/v1/accounts/${bobChecking.id}/withdrawals`,
        { token: bob, body: { amountCents: 2000 }, headers: { 'idempotency-key': newKey('r') } },
      );
      expect((await receipt(alice, bobsWithdrawal.body.transaction.id)).statusCode).toBe(404);
      expect((await receipt(alice, 'not-a-uuid')).statusCode).toBe(400);
    });
  });

  describe('statement language', () => {
    const today = new Date().toISOString().slice(0, 10);

    it.each([['de'], ['EN'], ['fr-CA'], [''], [7]])(
      'refuses language %j with 400',
      async (language) => {
        const response = await requestStatement(t, alice, checkingId, {
          from: today,
          to: today,
          language,
        });
        expect(response.status).toBe(400);
        expect(response.body.code).toBe('VALIDATION_FAILED');
      },
    );

    it('writes every label, description, date and amount in French', async () => {
      await t.request('POST', `/api/v1/accounts/${checkingId}/deposits`, {
        token: alice,
        body: { amountCents: 1000, kind: 'CHECK', checkNumber: '4711' },
        headers: { 'idempotency-key': newKey('stmt') },
      });
      const response = await requestStatement(t, alice, checkingId, {
        from: today,
        to: today,
        language: 'fr',
      });
      expect(response.status).toBe(202);
      const ready = await waitForStatus(t, alice, response.body.statement.id, 'READY', 120_000);
      const pdf = await t.app.inject({
        method: 'GET',
        url: `/api/v1/statements/${ready.id}/pdf`,
        headers: { authorization: `Bearer ${alice}` },
      });
      expect(pdf.statusCode).toBe(200);
      const text = (await pdfText(pdf.rawPayload)).replace(/\s+/g, ' ');
      for (const expected of [
        'Relevé de compte',
        'Compte chèque ••••0001',
        "Solde d'ouverture",
        'Total des entrées',
        'Retrait au guichet',
        'Dépôt du chèque n° 4711',
        'Virement vers ••••0002 : Año nuevo 😀 □',
        'Solde de clôture',
        'Page 1 sur 1',
        ' $ US',
      ]) {
        expect(text).toContain(expected);
      }
      expect(text).not.toMatch(/Opening balance|Withdrawal|Page 1 of/);
      // The only question mark is French punctuation, never a character the font lacked.
      expect(text.replace('Des questions ?', '')).not.toContain('?');
      const [row] = await t.sql<{ language: string }>(
        `SELECT language FROM statements WHERE id = $1`,
        [ready.id],
      );
      expect(row?.language).toBe('fr');
    }, 180_000);

    it("defaults to the request's Accept-Language", async () => {
      const response = await t.request<{ statement: { id: string } }>(
        'POST',
        `/api/v1/accounts/${checkingId}/statements`,
        {
          token: alice,
          body: { from: today, to: today },
          headers: { 'accept-language': 'es-419;q=0.9, de' },
        },
      );
      expect(response.status).toBe(202);
      const [row] = await t.sql<{ language: string }>(
        `SELECT language FROM statements WHERE id = $1`,
        [response.body.statement.id],
      );
      expect(row?.language).toBe('es');
      await waitForStatus(t, alice, response.body.statement.id, 'READY', 120_000);
    }, 180_000);
  });
});
