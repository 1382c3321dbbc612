import { createHmac, randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { IDEMPOTENCY_KEY_PATTERN } from '@atm/contracts';
import { prng } from './workload';

/**
 * Generated malformed and hostile requests over every route. Each request carries at least
 * one defect that the contract answers with a 4xx before any money moves (a forged token,
 * a body that is not of the documented shape, a malformed Idempotency-Key, another
 * customer's id, an oversized body...), so none of them may change the bank's state.
 * Requests that are well-formed but break a business rule (a 422) are left out on purpose:
 * the contract records those with their key, which is a state change by design.
 */

export interface HostileContext {
  /** A valid token of the customer the requests come from (Alice). */
  token: string;
  ownAccountId: string;
  ownAccountNumber: string;
  /** Another customer's (Bob's) account. */
  otherAccountId: string;
  otherAccountNumber: string;
  /** The server's signing secret (for well-signed tokens with odd claims). */
  secret: string;
  statementsExist: boolean;
}

export interface HostileCase {
  category: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: unknown;
  rawBody?: string;
  /** The statuses the contract allows; undefined: anything below 500. */
  expect?: number[];
}

const DEVELOPMENT_SECRET = 'dev-only-secret-key-change-me-0123456789abcdef';

const b64url = (value: string | Buffer) => Buffer.from(value).toString('base64url');

function jwt(header: object, payload: object, secret: string | undefined): string {
  const head = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}`;
  if (secret === undefined) return `${head}.`;
  return `${head}.${createHmac('sha256', secret).update(head).digest('base64url')}`;
}

/** Tokens that must all answer 401. */
function forgedTokens(context: HostileContext): string[] {
  const now = Math.floor(Date.now() / 1000);
  const [head, payload, signature] = context.token.split('.');
  const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8')) as Record<
    string,
    unknown
  >;
  const otherSid = { ...claims, sid: randomUUID() };
  return [
    // alg none, with the real claims.
    jwt({ alg: 'none', typ: 'JWT' }, claims, undefined),
    jwt({ alg: 'None', typ: 'JWT' }, claims, undefined),
    // The real claims signed with a wrong key, and with the published development key.
    jwt({ alg: 'HS256', typ: 'JWT' }, claims, 'not-the-key'),
    jwt({ alg: 'HS256', typ: 'JWT' }, claims, DEVELOPMENT_SECRET),
    // HS512 with the right key: an algorithm the server does not accept.
    (() => {
      const h = `${b64url(JSON.stringify({ alg: 'HS512', typ: 'JWT' }))}.${payload ?? ''}`;
      return `${h}.${createHmac('sha512', context.secret).update(h).digest('base64url')}`;
    })(),
    // The real signature over tampered claims (another customer, another session).
    `${head}.${b64url(JSON.stringify({ ...claims, cid: randomUUID() }))}.${signature}`,
    `${head}.${b64url(JSON.stringify(otherSid))}.${signature}`,
    // Well signed, but the session does not exist, or the claims are odd.
    jwt({ alg: 'HS256', typ: 'JWT' }, otherSid, context.secret),
    jwt({ alg: 'HS256', typ: 'JWT' }, { ...claims, sid: "1' OR '1'='1" }, context.secret),
    jwt({ alg: 'HS256', typ: 'JWT' }, { ...claims, sid: 12345 }, context.secret),
    jwt({ alg: 'HS256', typ: 'JWT' }, { ...claims, exp: now - 10 }, context.secret),
    jwt({ alg: 'HS256', typ: 'JWT' }, { ...claims, aud: 'someone-else' }, context.secret),
    // Not tokens at all.
    'x',
    `${context.token}x`,
    context.token.split('').reverse().join(''),
    '..',
    'e30.e30.',
  ];
}

/** Authorization header values that are forged, malformed or absent. */
function forgedAuthorizations(context: HostileContext): Array<Record<string, string>> {
  return [
    ...forgedTokens(context).map((t) => ({ authorization: `Bearer ${t}` })),
    {},
    { authorization: '' },
    { authorization: 'Bearer' },
    { authorization: 'Bearer ' },
    { authorization: `Basic ${Buffer.from('alice:1234').toString('base64')}` },
    { authorization: `bearer${context.token}` },
    { authorization: `Token ${context.token}` },
  ];
}

/** Values that are never a valid amount (a JSON integer from 1 to 2^53-1). */
const badAmountArbitrary = fc
  .oneof(
    fc.integer({ min: -1_000_000_000, max: 0 }),
    fc.double({ noNaN: false }).filter((d) => !Number.isSafeInteger(d) || d < 1),
    fc.constantFrom(2 ** 53, 2 ** 60, 1e21, 1e308, -(2 ** 53), 0.5, 1999.99, -0),
    fc.string(),
    fc.constantFrom('2000', '٢٠٠٠', '２０００', '2000 ', '0x7d0', '1e3', ''),
    fc.constant(null),
    fc.boolean(),
    fc.array(fc.nat(), { maxLength: 3 }),
    fc.dictionary(fc.string({ maxLength: 5 }), fc.nat(), { maxKeys: 2 }),
  )
  .filter((v) => !(typeof v === 'number' && Number.isSafeInteger(v) && v >= 1));

/** Raw JSON number texts that do not parse to a valid amount. */
const BAD_AMOUNT_TEXTS = [
  '1e400',
  '-1e400',
  '9007199254740993',
  '0x10',
  '1_000',
  '+5',
  '.5',
  '05',
  'NaN',
  'Infinity',
  '-1',
  '1.5',
  '"١٠٠٠"',
];

/** Memo JSON texts that break the free-text rule or the length (JSON escapes: raw text). */
const BAD_MEMO_TEXTS = [
  '"a\\u0000b"',
  '"\\ud800"',
  '"x\\udc00"',
  '"\\udc00\\ud800"',
  '"a\\u0085b"',
  '"\\u009b31m"',
  '"\\u202e1234"',
  '"\\u202a x"',
  '"\\u2066x\\u2069"',
  '"tab\\there"',
  '"line\\nbreak"',
  JSON.stringify('x'.repeat(141)),
  // 141 characters (code points) of two UTF-16 units each: the limit counts characters.
  JSON.stringify('🍣'.repeat(141)),
];

/** Strings with traps: unicode digits, control characters, injections, huge. */
const nastyStringArbitrary = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom(
    '٤٠٠٠٠٠٠٠٠٠٠٠٠٠١٠',
    '４０００００００００００００１０',
    '𝟒𝟎𝟎𝟎𝟎𝟎𝟎𝟎𝟎𝟎𝟎𝟎𝟎𝟎𝟏𝟎',
    '4000 0000 0000 0010',
    '4000-0000-0000-0010',
    '400000000000001',
    '40000000000000100',
    '4000000000000011',
    "' OR 1=1 --",
    '${jndi:ldap://127.0.0.1/x}',
    '<script>alert(1)</script>',
    '../../../../etc/passwd',
    '\u0000',
    '\u202e1234',
    '١٢٣٤',
    '12 34',
    ' 1234',
    'x'.repeat(5000),
  ),
);

/** Idempotency keys that are malformed even after HTTP trims surrounding whitespace. */
const badKeyArbitrary = fc
  .oneof(
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }),
    fc.constantFrom(
      '',
      'a b',
      'ключ',
      'x'.repeat(256),
      'k/../../etc',
      "k' OR '1'='1",
      'k%00',
      'k;rm -rf',
      'k\tk',
      '*',
      'k,k',
    ),
  )
  .map((k) => Buffer.from(k, 'utf8').toString('latin1'))
  .filter(
    (k) => !IDEMPOTENCY_KEY_PATTERN.test(k.trim()) && !/[^\t\x20-\x7e\x80-\xff]/.test(k), // node refuses other header bytes
  );

const unknownFieldArbitrary = fc
  .string({ minLength: 1, maxLength: 12 })
  .filter(
    (name) =>
      ![
        'amountCents',
        'kind',
        'checkNumber',
        'fromAccountId',
        'toAccountNumber',
        'memo',
        'cardNumber',
        'pin',
        'currentPin',
        'newPin',
        'from',
        'to',
        '__proto__',
        'constructor',
        'prototype',
      ].includes(name),
  );

/** Path ids that are not UUIDs, or UUIDs of nothing the customer owns. */
function badIds(context: HostileContext): string[] {
  return [
    'abc',
    '1',
    '-1',
    '0',
    '99999999999999999999999',
    encodeURIComponent('../../etc/passwd'),
    '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    '..%252f..%252fetc',
    encodeURIComponent("' OR 1=1 --"),
    encodeURIComponent('١٢٣'),
    `{${context.otherAccountId}}`,
    `${context.ownAccountId}x`,
    context.ownAccountId.replace(/-/g, ''),
    context.ownAccountId.slice(0, 35),
    context.ownAccountNumber,
    '%00',
    'null',
    'undefined',
    'x'.repeat(2000),
  ];
}

function sample<T>(arbitrary: fc.Arbitrary<T>, seed: number, count: number): T[] {
  return fc.sample(arbitrary, { seed, numRuns: count });
}

/** `count` hostile requests, spread over every category, reproducible from `seed`. */
export function hostileCases(context: HostileContext, count: number, seed: number): HostileCase[] {
  const random = prng(seed);
  const pick = <T>(items: readonly T[]): T => {
    const item = items[Math.floor(random() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  };
  const amounts = sample(badAmountArbitrary, seed, 400);
  const strings = sample(nastyStringArbitrary, seed + 1, 400);
  const keys = sample(badKeyArbitrary, seed + 2, 200);
  const unknownFields = sample(unknownFieldArbitrary, seed + 3, 200);
  const anythings = sample(fc.anything({ maxDepth: 2 }), seed + 4, 200);
  /** Any JSON-ish value (undefined and null included, which pick would refuse). */
  const anyValue = (): unknown => anythings[Math.floor(random() * anythings.length)];
  const authorizations = forgedAuthorizations(context);
  const ids = badIds(context);
  const bearer = { authorization: `Bearer ${context.token}` };
  let keyCounter = 0;
  /** A valid, never-used key: only ever sent with a request that has another defect. */
  const freshKey = () => {
    keyCounter += 1;
    return { 'idempotency-key': `hostile-${seed}-${keyCounter}` };
  };
  // Unbuilt statement routes answer 404, or 400 when Fastify fails to parse the body first.
  const statements = (allowed: number[]) =>
    context.statementsExist ? allowed : [...new Set([...allowed.filter((s) => s === 400), 404])];
  const today = new Date().toISOString().slice(0, 10);

  const validBodies = {
    withdrawal: () => ({ amountCents: 2000 }),
    deposit: () => ({ amountCents: 1000, kind: 'CASH' }),
    transfer: () => ({
      fromAccountId: context.ownAccountId,
      toAccountNumber: context.otherAccountNumber,
      amountCents: 100,
    }),
    login: () => ({ cardNumber: '4000000000000010', pin: '1234' }),
    pin: () => ({ currentPin: '1234', newPin: '4826' }),
    statement: () => ({ from: today, to: today }),
  };
  type BodyName = keyof typeof validBodies;

  /** The valid body with one defect that makes it not of the documented shape. */
  const defective = (name: BodyName): unknown => {
    const body: Record<string, unknown> = validBodies[name]();
    const fields = Object.keys(body);
    switch (Math.floor(random() * 6)) {
      case 0: {
        const field = pick(fields);
        body[field] = field === 'amountCents' ? pick(amounts) : pick(strings);
        // A nasty string can still be a valid value of a free-text field: make sure not.
        if (field !== 'amountCents' && typeof body[field] === 'string') body[field] = 12345;
        return body;
      }
      case 1:
        body[pick(unknownFields)] = anyValue() ?? 'x';
        return body;
      case 2:
        delete body[pick(fields)];
        return body;
      case 3:
        return pick([null, [], [body], 'body', 42, true]);
      case 4:
        if ('amountCents' in body) {
          body.amountCents = pick(amounts);
          return body;
        }
        body[pick(fields)] = { $gt: '' };
        return body;
      default:
        body.balanceCents = 1_000_000;
        return body;
    }
  };

  interface Route {
    method: string;
    path: () => string;
    body?: BodyName;
    money?: boolean;
    statement?: boolean;
  }
  const routes: Route[] = [
    { method: 'POST', path: () => '/api/v1/auth/keepalive' },
    { method: 'GET', path: () => '/api/v1/auth/session' },
    { method: 'POST', path: () => '/api/v1/auth/logout' },
    { method: 'POST', path: () => '/api/v1/auth/pin', body: 'pin' },
    { method: 'GET', path: () => '/api/v1/accounts' },
    { method: 'GET', path: () => `/api/v1/accounts/${context.ownAccountId}` },
    { method: 'GET', path: () => `/api/v1/accounts/${context.ownAccountId}/limits` },
    { method: 'GET', path: () => `/api/v1/accounts/${context.ownAccountId}/transactions` },
    {
      method: 'POST',
      path: () => `/api/v1/accounts/${context.ownAccountId}/withdrawals`,
      body: 'withdrawal',
      money: true,
    },
    {
      method: 'POST',
      path: () => `/api/v1/accounts/${context.ownAccountId}/deposits`,
      body: 'deposit',
      money: true,
    },
    { method: 'POST', path: () => '/api/v1/transfers', body: 'transfer', money: true },
    {
      method: 'POST',
      path: () => `/api/v1/accounts/${context.ownAccountId}/statements`,
      body: 'statement',
      statement: true,
    },
    { method: 'GET', path: () => `/api/v1/statements/${randomUUID()}`, statement: true },
    { method: 'GET', path: () => `/api/v1/statements/${randomUUID()}/pdf`, statement: true },
  ];
  const bodyRoutes = routes.filter((r) => r.body !== undefined);
  const moneyRoutes = routes.filter((r) => r.money);

  const generators: Record<string, () => HostileCase> = {
    forgedToken: () => {
      const route = pick(routes);
      return {
        category: 'forgedToken',
        method: route.method,
        path: route.path(),
        headers: { ...pick(authorizations), ...(route.money ? freshKey() : {}) },
        ...(route.body ? { body: validBodies[route.body]() } : {}),
        expect: route.statement ? statements([401]) : [401],
      };
    },
    badBody: () => {
      const route = pick(bodyRoutes);
      const body = defective(route.body ?? 'withdrawal');
      return {
        category: 'badBody',
        method: route.method,
        path: route.path(),
        headers: { ...bearer, ...(route.money ? freshKey() : {}) },
        rawBody: JSON.stringify(body) ?? 'null',
        expect: route.statement ? statements([400]) : [400],
      };
    },
    badAmountText: () => {
      const route = pick(moneyRoutes);
      const body = validBodies[route.body ?? 'withdrawal']() as Record<string, unknown>;
      const text = JSON.stringify({ ...body, amountCents: '__AMOUNT__' }).replace(
        '"__AMOUNT__"',
        pick(BAD_AMOUNT_TEXTS),
      );
      return {
        category: 'badAmountText',
        method: route.method,
        path: route.path(),
        headers: { ...bearer, ...freshKey() },
        rawBody: text,
        expect: [400],
      };
    },
    malformedJson: () => {
      const route = pick([...bodyRoutes, { method: 'POST', path: () => '/api/v1/auth/login' }]);
      const raw = pick([
        '{',
        '{"amountCents":}',
        '{"amountCents": 2000,}',
        "{'amountCents': 2000}",
        '{"amountCents": 2000}}',
        '\u0000',
        '',
        ' ',
        '[',
        '{"__proto__": {"isAdmin": true}, "amountCents": 2000}',
        '{"constructor": {"prototype": {"polluted": true}}, "amountCents": 2000}',
        '{"amountCents": 2000, "kind": "CASH", "__proto__": {"amountCents": 1}}',
        '\ufeff{"amountCents": 2000}x',
        'null',
        '"just a string"',
        '[{"amountCents": 2000}]',
        '{"amountCents": -1, "amountCents": -2}',
      ]);
      const isLogin = route.path() === '/api/v1/auth/login';
      return {
        category: 'malformedJson',
        method: 'POST',
        path: route.path(),
        headers: isLogin ? {} : { ...bearer, ...(route.money ? freshKey() : {}) },
        rawBody: raw,
        expect: route.statement ? statements([400]) : [400],
      };
    },
    oversized: () => {
      const route = pick([...bodyRoutes, { method: 'POST', path: () => '/api/v1/auth/login' }]);
      const isLogin = route.path() === '/api/v1/auth/login';
      const base = validBodies[route.body ?? 'login']();
      return {
        category: 'oversized',
        method: 'POST',
        path: route.path(),
        headers: isLogin ? {} : { ...bearer, ...(route.money ? freshKey() : {}) },
        rawBody: JSON.stringify({
          ...base,
          pad: 'x'.repeat(16 * 1024 + Math.floor(random() * 50_000)),
        }),
        expect: route.statement && !context.statementsExist ? [404, 413] : [413],
      };
    },
    badIdempotencyKey: () => {
      const route = pick(moneyRoutes);
      return {
        category: 'badIdempotencyKey',
        method: 'POST',
        path: route.path(),
        headers: { ...bearer, 'idempotency-key': pick(keys) },
        body: validBodies[route.body ?? 'withdrawal'](),
        expect: [400],
      };
    },
    otherCustomersIds: () => {
      const other = pick([context.otherAccountId, context.otherAccountId.toUpperCase()]);
      const choice = pick([
        { method: 'GET', path: `/api/v1/accounts/${other}` },
        { method: 'GET', path: `/api/v1/accounts/${other}/limits` },
        { method: 'GET', path: `/api/v1/accounts/${other}/transactions` },
        {
          method: 'POST',
          path: `/api/v1/accounts/${other}/withdrawals`,
          body: validBodies.withdrawal(),
          money: true,
        },
        {
          method: 'POST',
          path: `/api/v1/accounts/${other}/deposits`,
          body: validBodies.deposit(),
          money: true,
        },
        {
          method: 'POST',
          path: '/api/v1/transfers',
          body: {
            fromAccountId: other,
            toAccountNumber: context.ownAccountNumber,
            amountCents: 100,
          },
          money: true,
        },
        {
          method: 'POST',
          path: `/api/v1/accounts/${other}/statements`,
          body: validBodies.statement(),
        },
        { method: 'GET', path: `/api/v1/statements/${randomUUID()}` },
      ]);
      return {
        category: 'otherCustomersIds',
        method: choice.method,
        path: choice.path,
        headers: { ...bearer, ...(choice.money ? freshKey() : {}) },
        ...(choice.body ? { body: choice.body } : {}),
        expect: [404],
      };
    },
    badPathId: () => {
      const id = pick(ids);
      const choice = pick([
        { method: 'GET', path: `/api/v1/accounts/${id}` },
        { method: 'GET', path: `/api/v1/accounts/${id}/limits` },
        { method: 'GET', path: `/api/v1/accounts/${id}/transactions` },
        {
          method: 'POST',
          path: `/api/v1/accounts/${id}/withdrawals`,
          body: validBodies.withdrawal(),
        },
        { method: 'POST', path: `/api/v1/accounts/${id}/deposits`, body: validBodies.deposit() },
        {
          method: 'POST',
          path: '/api/v1/transfers',
          body: { ...validBodies.transfer(), fromAccountId: decodeURIComponentSafe(id) },
        },
        { method: 'GET', path: `/api/v1/statements/${id}` },
        { method: 'GET', path: `/api/v1/statements/${id}/pdf` },
      ]);
      return {
        category: 'badPathId',
        method: choice.method,
        path: choice.path,
        headers: { ...bearer, ...freshKey() },
        ...(choice.body ? { body: choice.body } : {}),
        // 414: Fastify refuses a path parameter longer than its maxParamLength.
        expect: [400, 404, 414],
      };
    },
    badQuery: () => {
      const query = pick([
        'limit=0',
        'limit=101',
        'limit=-1',
        'limit=abc',
        `limit=${encodeURIComponent('١٠')}`,
        `limit=${encodeURIComponent('１０')}`,
        'limit=1.5',
        'limit=1e2',
        'limit=99999999999999999999',
        'limit=10&limit=20',
        'limit[]=10',
        'limit[$gt]=1',
        'limit=%00',
        'cursor=!!!',
        `cursor=${'A'.repeat(33)}`,
        `cursor=${encodeURIComponent("' OR 1=1 --")}`,
        'cursor=a&cursor=b',
        `limit=${encodeURIComponent(pick(strings).slice(0, 50))}x`,
      ]);
      return {
        category: 'badQuery',
        method: 'GET',
        path: `/api/v1/accounts/${context.ownAccountId}/transactions?${query}`,
        headers: bearer,
        expect: [400],
      };
    },
    forgedCursor: () => ({
      category: 'forgedCursor',
      method: 'GET',
      path: `/api/v1/accounts/${context.ownAccountId}/transactions?cursor=${pick(['AAAA', 'abc', '0', '-', 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz', 'MTIz', '_-_-'])}`,
      headers: bearer,
      expect: [200, 400],
    }),
    hostileLogin: () => {
      const body = pick([
        () => ({ cardNumber: pick(strings), pin: '1234' }),
        () => ({ cardNumber: '4000000000000010', pin: pick(strings) }),
        () => ({ cardNumber: 4000000000000010, pin: 1234 }),
        () => ({ cardNumber: ['4000000000000010'], pin: '1234' }),
        () => ({ cardNumber: '4000000000000010', pin: '1234', [pick(unknownFields)]: 1 }),
        () => ({ cardNumber: '4000000000000010' }),
        () => ({ cardNumber: { $ne: '' }, pin: { $ne: '' } }),
        () => anyValue(),
      ])();
      const valid =
        typeof body === 'object' &&
        body !== null &&
        Object.keys(body).length === 2 &&
        typeof (body as { cardNumber?: unknown }).cardNumber === 'string' &&
        /^[0-9]{16}$/.test((body as { cardNumber: string }).cardNumber) &&
        typeof (body as { pin?: unknown }).pin === 'string' &&
        /^[0-9]{4,6}$/.test((body as { pin: string }).pin);
      return {
        category: 'hostileLogin',
        method: 'POST',
        path: '/api/v1/auth/login',
        headers: {},
        rawBody: valid ? '{"cardNumber": 1}' : (JSON.stringify(body) ?? 'null'),
        expect: [400],
      };
    },
    hostileStatementRange: () => {
      const [from, to] = pick([
        ['2024-03-10', '2024-03-01'],
        ['2020-01-01', today],
        [today, '2999-01-01'],
        ['2024-02-30', '2024-03-01'],
        ['2024-13-01', '2024-12-01'],
        ['٢٠٢٤-٠١-٠١', today],
        ['2024-1-1', today],
        ['20240101', today],
        [`${today}T00:00:00Z`, today],
        ['', ''],
        [pick(strings), today],
      ]);
      return {
        category: 'hostileStatementRange',
        method: 'POST',
        path: `/api/v1/accounts/${context.ownAccountId}/statements`,
        headers: bearer,
        body: { from, to },
        expect: statements([400]),
      };
    },
    wrongMethod: () => {
      const route = pick(routes);
      return {
        category: 'wrongMethod',
        // Methods the contract has on no route (a GET next to a POST may be added later).
        method: pick(['PUT', 'DELETE', 'PATCH']),
        path: route.path(),
        headers: { ...bearer, ...freshKey() },
        body: validBodies.withdrawal(),
        expect: [404, 405],
      };
    },
    wrongContentType: () => {
      const route = pick(moneyRoutes);
      const body = validBodies[route.body ?? 'withdrawal']();
      const [type, raw] = pick([
        ['text/plain', JSON.stringify(body)],
        ['application/x-www-form-urlencoded', 'amountCents=2000&kind=CASH'],
        [
          'multipart/form-data; boundary=x',
          `--x\r\nContent-Disposition: form-data; name="amountCents"\r\n\r\n2000\r\n--x--`,
        ],
        ['application/xml', '<amountCents>2000</amountCents>'],
      ]);
      return {
        category: 'wrongContentType',
        method: 'POST',
        path: route.path(),
        headers: { ...bearer, ...freshKey(), 'content-type': type ?? 'text/plain' },
        rawBody: raw ?? '',
        expect: [400, 415],
      };
    },
    unknownOrTraversal: () => ({
      category: 'unknownOrTraversal',
      method: pick(['GET', 'POST']),
      path: pick([
        '/api/v1/../../etc/passwd',
        '/api/v1/accounts/../../../../etc/passwd',
        '/api/v1/accounts/%2e%2e/%2e%2e/etc/passwd',
        '/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
        '/..%2f..%2f..%2fetc%2fpasswd',
        '/docs/static/../../../../package.json',
        '/docs/static/%2e%2e/%2e%2e/%2e%2e/package.json',
        '/api/v2/accounts',
        '/api/v1/admin',
        '/api/v1/customers',
        '/api/v1/accounts//withdrawals',
        '/api//v1/accounts',
        '/.env',
        '/api/v1/.env',
        '/metrics',
        '/api/v1/accounts/%00',
        '/api/v1/internal/accounts',
        `/api/v1/${'a/'.repeat(200)}`,
      ]),
      headers: bearer,
      // Swagger's static files may refuse a traversal with 403; none may serve the file.
      expect: [400, 403, 404],
    }),
    badAccountNumber: () => ({
      category: 'badAccountNumber',
      method: 'POST',
      path: '/api/v1/transfers',
      headers: { ...bearer, ...freshKey() },
      body: {
        ...validBodies.transfer(),
        toAccountNumber: pick([
          '١٠٠٠٠٠٠٢٠٠٠١',
          '１０００００２０００１',
          '10000002000',
          '1000000200011',
          '1000-0002-0001',
          ' 100000020001',
          '100000020001\n',
          '10000002000x',
          100000020001,
          ['100000020001'],
        ]),
      },
      expect: [400],
    }),
    hugeHeader: () => ({
      category: 'hugeHeader',
      method: 'GET',
      path: '/api/v1/accounts',
      headers: { authorization: `Bearer ${'a'.repeat(20_000 + Math.floor(random() * 20_000))}` },
      expect: [401, 431],
    }),
    absoluteForm: () => {
      // A proxy-style request line must meet the same guards as origin form.
      const route = pick(routes);
      const authorization = pick(authorizations);
      return {
        category: 'absoluteForm',
        method: route.method,
        path: `http://127.0.0.1${route.path()}`,
        headers: { ...authorization, ...(route.money ? freshKey() : {}) },
        ...(route.body ? { body: validBodies[route.body]() } : {}),
        expect: route.statement ? statements([401]) : [401],
      };
    },
    badMemo: () => ({
      category: 'badMemo',
      method: 'POST',
      path: pick(['/api/v1/transfers', 'http://127.0.0.1/api/v1/transfers']),
      headers: { ...bearer, ...freshKey() },
      rawBody: `{"fromAccountId":"${context.ownAccountId}","toAccountNumber":"${context.otherAccountNumber}","amountCents":100,"memo":${pick(BAD_MEMO_TEXTS)}}`,
      expect: [400],
    }),
    duplicatedKey: () => {
      const route = pick(bodyRoutes);
      const body = JSON.stringify(validBodies[route.body ?? 'withdrawal']());
      const [field] = Object.keys(validBodies[route.body ?? 'withdrawal']());
      // The first value is the valid one: a parser keeping either would accept the request.
      const raw = pick([
        body.replace(/}$/, `,"${field ?? 'x'}":${JSON.stringify(pick(strings))}}`),
        body.replace(/^{/, `{"${field ?? 'x'}":null,`),
        body.replace(/}$/, ',"x":{"y":1,"y":2}}'),
        body.replace(
          /}$/,
          `,"${(field ?? 'x').replace(/^./, (c) => `\\u00${c.charCodeAt(0).toString(16)}`)}":1}`,
        ),
      ]);
      return {
        category: 'duplicatedKey',
        method: 'POST',
        path: route.path(),
        headers: { ...bearer, ...(route.money ? freshKey() : {}) },
        rawBody: raw,
        expect: route.statement ? statements([400]) : [400],
      };
    },
    prototypeQuery: () => {
      const route = pick(routes.filter((r) => r.body === undefined));
      const query = pick([
        '__proto__=1',
        '__proto__[isAdmin]=true',
        'constructor=1',
        'constructor[prototype][isAdmin]=true',
        'prototype=1',
        'limit=5&__proto__=x',
        'admin=true',
      ]);
      return {
        category: 'prototypeQuery',
        method: route.method,
        path: `${route.path()}?${query}`,
        headers: { ...bearer, ...(route.money ? freshKey() : {}) },
        expect: route.statement ? statements([400]) : [400],
      };
    },
    operations: () => ({
      category: 'operations',
      method: pick(['GET', 'POST', 'DELETE']),
      path: pick(['/health', '/ready', '/health?x=../../etc/passwd', '/ready/../health']),
      headers: pick(authorizations),
    }),
  };

  const categories = Object.keys(generators);
  const cases: HostileCase[] = [];
  for (let i = 0; i < count; i += 1) {
    const generate = generators[categories[i % categories.length] ?? 'forgedToken'];
    if (generate) cases.push(generate());
  }
  return cases;
}

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** Text an error must never carry: stack frames, driver errors, file contents. */
export const LEAK_PATTERN =
  /at \w[\w.<>]* \(|\.ts:\d+|\.js:\d+|node_modules|QueryFailedError|ECONNREFUSED|root:x:0:0|"devDependencies"|SECRET_KEY|PIN_PEPPER/;
