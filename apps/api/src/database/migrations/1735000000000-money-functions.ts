import * as sql from './money-path-sql';
import { StatementListMigration } from './statement-list-migration';

/**
 * The money path as PostgreSQL functions: each customer movement and each account read is
 * one call, in autocommit, so one database round trip (see README, Performance). The rules
 * of the money path are one labelled block per rule (money-path-sql.ts, shared with the
 * `_v2` functions), composed here in the contract's order.
 *
 * Every name carries its version (`_v1`). A later change to a function's behaviour or
 * signature adds `_v2` beside it instead of replacing it, so API tasks of the previous
 * release keep calling what they know while a rolling deploy runs; a later migration drops
 * `_v1` once no task calls it.
 *
 * Time is always an argument (the API's injectable clock), never the database's now().
 */
export class MoneyFunctions1735000000000 extends StatementListMigration {
  constructor() {
    super('MoneyFunctions1735000000000', MONEY_FUNCTIONS_V1, DROP_MONEY_FUNCTIONS_V1);
  }
}

// The movements below, as their rule blocks (money-path-sql.ts) name them.
const WITHDRAWAL = sql.movement('v_ctx', 'WITHDRAWAL');
const DEPOSIT = sql.movement('v_ctx', 'DEPOSIT');
const TRANSFER = sql.movement('v_ctx', 'TRANSFER');

const MONEY_FUNCTIONS_V1 = [
  // What every movement shares: who asks, when, with which key, and the answer texts the
  // API renders in the request's language (problem types, titles and detail templates).
  `CREATE TYPE atm_movement_v1 AS (
     session_id uuid,
     customer_id uuid,
     card_last4 text,
     client_ip text,
     now timestamptz,
     idle_seconds integer,
     max_seconds integer,
     key text,
     fingerprint text,
     request jsonb,
     texts jsonb
   )`,

  // '$1,234.56', as libs/money formatCents writes it (for non-negative amounts).
  `CREATE FUNCTION atm_format_cents_v1(p_cents bigint) RETURNS text
   LANGUAGE sql IMMUTABLE STRICT AS $$
     SELECT '$' || to_char(p_cents / 100, 'FM999,999,999,999,999,990') || '.'
            || lpad((p_cents % 100)::text, 2, '0')
   $$`,

  // The only form in which an account number appears in another's description or answer.
  `CREATE FUNCTION atm_mask_number_v1(p_number text) RETURNS text
   LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT '••••' || right(p_number, 4) $$`,

  // ISO 8601 in UTC with milliseconds, as JavaScript's toISOString writes it.
  `CREATE FUNCTION atm_iso_v1(p_at timestamptz) RETURNS text
   LANGUAGE sql IMMUTABLE STRICT AS $$
     SELECT to_char(p_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
   $$`,

  // Deposit holds not yet released at p_now: they release by themselves as time passes.
  `CREATE FUNCTION atm_held_cents_v1(p_account_id uuid, p_now timestamptz) RETURNS bigint
   LANGUAGE sql STABLE AS $$
     SELECT COALESCE(SUM(amount_cents), 0)::bigint FROM deposit_holds
      WHERE account_id = p_account_id AND release_at > p_now
   $$`,

  // A customer's accounts (one of them when p_account_id is given), as the contract's
  // Account objects: the available balance is the balance less unreleased holds.
  `CREATE FUNCTION atm_customer_accounts_v1(p_customer_id uuid, p_now timestamptz, p_account_id uuid)
   RETURNS jsonb LANGUAGE sql STABLE AS $$
     SELECT COALESCE(jsonb_agg(jsonb_build_object(
              ${sql.ACCOUNT_FIELDS}) ORDER BY a.number), '[]'::jsonb)
       FROM accounts a
      WHERE a.customer_id = p_customer_id AND a.kind = 'CUSTOMER'
        AND (p_account_id IS NULL OR a.id = p_account_id)
   $$`,

  // The server-side session behind a bearer token. Answers {error} or the session.
  `CREATE FUNCTION atm_session_v1(
     p_session_id uuid, p_customer_id uuid, p_now timestamptz, p_idle_seconds integer, p_max_seconds integer)
   RETURNS jsonb LANGUAGE plpgsql AS $$
   DECLARE
     s sessions%ROWTYPE;
   BEGIN
     <<session_exists>>
     BEGIN
       SELECT * INTO s FROM sessions WHERE id = p_session_id;
       IF NOT FOUND OR s.customer_id <> p_customer_id THEN
         RETURN jsonb_build_object('error', 'UNAUTHENTICATED');
       END IF;
     END session_exists;

     <<session_not_ended>>
     BEGIN
       -- Logout, PIN change, lock and block end a session at once (instant revocation).
       IF s.ended_at IS NOT NULL THEN
         RETURN jsonb_build_object('error',
           CASE WHEN s.end_reason = 'EXPIRED' THEN 'SESSION_EXPIRED' ELSE 'UNAUTHENTICATED' END);
       END IF;
     END session_not_ended;

     <<session_not_expired>>
     BEGIN
       -- Idle past the timeout, or older than the absolute lifetime: ended and audited once.
       IF s.last_seen_at + make_interval(secs => p_idle_seconds) <= p_now
          OR s.created_at + make_interval(secs => p_max_seconds) <= p_now THEN
         UPDATE sessions SET ended_at = p_now, end_reason = 'EXPIRED'
          WHERE id = p_session_id AND ended_at IS NULL;
         IF FOUND THEN
           INSERT INTO audit_events (occurred_at, type, outcome, actor_type, customer_id, details)
           VALUES (p_now, 'SESSION_EXPIRED', 'SUCCESS', 'SYSTEM', s.customer_id,
                   jsonb_build_object('sessionId', p_session_id));
         END IF;
         RETURN jsonb_build_object('error', 'SESSION_EXPIRED');
       END IF;
     END session_not_expired;

     <<session_activity>>
     BEGIN
       -- Every request is activity, kept to the second: the row is written at most once a
       -- second, and never waited for (SKIP LOCKED): a request that finds another one
       -- touching the same session right now leaves the touch to it, so concurrent requests
       -- of one session never queue on its row.
       IF s.last_seen_at < p_now - interval '1 second' THEN
         UPDATE sessions SET last_seen_at = p_now
          WHERE id = (SELECT id FROM sessions
                       WHERE id = p_session_id AND ended_at IS NULL
                         AND last_seen_at < p_now - interval '1 second'
                         FOR UPDATE SKIP LOCKED);
         IF FOUND THEN s.last_seen_at := p_now; END IF;
       END IF;
     END session_activity;

     RETURN jsonb_build_object('sessionId', s.id, 'customerId', s.customer_id, 'cardId', s.card_id,
                               'createdAt', atm_iso_v1(s.created_at),
                               'lastSeenAt', atm_iso_v1(s.last_seen_at));
   END $$`,

  // GET /accounts and GET /accounts/:id: the session check and the read in one call.
  sql.accountsFunction('atm_accounts_v1', 'atm_customer_accounts_v1'),

  // The fewest notes that make p_amount from the stock (denominations with their counts),
  // largest first, or NULL when no combination does. Exhaustive branch-and-bound from the
  // largest denomination down: the first solutions met are already small and any branch
  // that cannot beat the best so far is cut, so it answers at once for real note sets and
  // stays exact for odd stocks ($60 from $50s and $20s is three $20s).
  `CREATE FUNCTION atm_fewest_notes_search_v1(
     p_denominations bigint[], p_counts bigint[], p_index integer, p_remaining bigint,
     p_used bigint, p_taken bigint[], INOUT best_count bigint, INOUT best bigint[])
   LANGUAGE plpgsql IMMUTABLE AS $$
   DECLARE
     v_note bigint;
     v_most bigint;
     v_take bigint;
     v_left bigint;
   BEGIN
     IF p_remaining = 0 THEN
       IF p_used < best_count THEN
         best_count := p_used;
         best := p_taken;
       END IF;
       RETURN;
     END IF;
     IF p_index > cardinality(p_denominations) THEN RETURN; END IF;
     v_note := p_denominations[p_index];
     -- Even with only this (the largest remaining) denomination, at least this many notes.
     IF p_used + (p_remaining + v_note - 1) / v_note >= best_count THEN RETURN; END IF;
     v_most := least(p_counts[p_index], p_remaining / v_note);
     v_take := v_most;
     WHILE v_take >= 0 LOOP
       v_left := p_remaining - v_take * v_note;
       p_taken[p_index] := v_take;
       SELECT r.best_count, r.best INTO best_count, best
         FROM atm_fewest_notes_search_v1(p_denominations, p_counts, p_index + 1, v_left,
                                          p_used + v_take, p_taken, best_count, best) r;
       -- Fewer notes of this denomination only leaves more to make with smaller ones.
       EXIT WHEN v_take < v_most
             AND p_used + v_take + CASE WHEN v_left > 0 THEN 1 ELSE 0 END >= best_count;
       v_take := v_take - 1;
     END LOOP;
   END $$`,

  `CREATE FUNCTION atm_fewest_notes_v1(p_amount bigint, p_denominations bigint[], p_counts bigint[])
   RETURNS jsonb LANGUAGE plpgsql IMMUTABLE AS $$
   DECLARE
     v_denominations bigint[];
     v_counts bigint[];
     v_best_count bigint := 9223372036854775807;
     v_best bigint[];
   BEGIN
     IF p_amount IS NULL OR p_amount <= 0 THEN RETURN NULL; END IF;
     SELECT COALESCE(array_agg(d ORDER BY d DESC), '{}'), COALESCE(array_agg(c ORDER BY d DESC), '{}')
       INTO v_denominations, v_counts
       FROM unnest(p_denominations, p_counts) AS s(d, c)
      WHERE d > 0 AND c > 0;
     SELECT r.best_count, r.best INTO v_best_count, v_best
       FROM atm_fewest_notes_search_v1(v_denominations, v_counts, 1, p_amount, 0,
              array_fill(0::bigint, ARRAY[cardinality(v_denominations)]), v_best_count, NULL::bigint[]) r;
     IF v_best IS NULL THEN RETURN NULL; END IF;
     RETURN (SELECT jsonb_agg(jsonb_build_object('denominationCents', d, 'count', n) ORDER BY i)
               FROM unnest(v_denominations, v_best) WITH ORDINALITY AS p(d, n, i)
              WHERE n > 0);
   END $$`,

  // Takes the planned notes out of the cassettes. The stock of a denomination is spread
  // over 16 rows: a free row is taken in random order without waiting (SKIP LOCKED), so
  // concurrent withdrawals decrement different rows; only when every row with notes is
  // busy does it wait for one. The plan was made from a read without a lock: if the notes
  // are gone meanwhile, serialization_failure makes the API run the call again.
  `CREATE FUNCTION atm_take_notes_v1(p_plan jsonb) RETURNS void
   LANGUAGE plpgsql AS $$
   DECLARE
     v_item record;
     v_remaining bigint;
     v_cassette record;
     v_take bigint;
   BEGIN
     FOR v_item IN SELECT (e->>'denominationCents')::integer AS denomination, (e->>'count')::bigint AS count
                     FROM jsonb_array_elements(p_plan) e LOOP
       v_remaining := v_item.count;
       WHILE v_remaining > 0 LOOP
         SELECT id, note_count INTO v_cassette FROM note_cassettes
          WHERE denomination_cents = v_item.denomination AND note_count > 0
          ORDER BY random() LIMIT 1 FOR UPDATE SKIP LOCKED;
         IF NOT FOUND THEN
           SELECT id, note_count INTO v_cassette FROM note_cassettes
            WHERE denomination_cents = v_item.denomination AND note_count > 0
            ORDER BY id LIMIT 1 FOR UPDATE;
         END IF;
         IF NOT FOUND THEN
           RAISE EXCEPTION 'the notes were taken by another withdrawal' USING ERRCODE = '40001';
         END IF;
         v_take := least(v_remaining, v_cassette.note_count);
         UPDATE note_cassettes SET note_count = note_count - v_take WHERE id = v_cassette.id;
         v_remaining := v_remaining - v_take;
       END LOOP;
     END LOOP;
   END $$`,

  `CREATE FUNCTION atm_internal_account_v1(p_type text) RETURNS uuid
   LANGUAGE sql STABLE AS $$
     SELECT id FROM accounts WHERE kind = 'INTERNAL' AND type = p_type
   $$`,

  // One double-entry transaction: the transaction row, entries that sum to zero, and the
  // running balance of each customer account (the caller holds their row locks). Internal
  // accounts keep no running balance, so no movement ever waits on their rows. Answers
  // {id, balances: {accountId: balanceAfter}}.
  `CREATE FUNCTION atm_post_v1(
     p_reference text, p_type text, p_amount bigint, p_customer_id uuid, p_card_id uuid,
     p_account_id uuid, p_counterparty_id uuid, p_description text, p_details jsonb,
     p_at timestamptz, p_accounts uuid[], p_amounts bigint[], p_entry_types text[],
     p_descriptions text[], p_running boolean[])
   RETURNS jsonb LANGUAGE plpgsql AS $$
   DECLARE
     v_result jsonb;
   BEGIN
     <<double_entry>>
     BEGIN
       IF cardinality(p_amounts) < 2 OR 0 = ANY(p_amounts)
          OR (SELECT SUM(x) FROM unnest(p_amounts) x) <> 0 THEN
         RAISE EXCEPTION 'entries of a % must be non-zero and sum to zero', p_type
           USING ERRCODE = '23514', CONSTRAINT = 'ledger_double_entry';
       END IF;
     END double_entry;

     WITH tx AS (
       INSERT INTO ledger_transactions
         (reference, type, amount_cents, customer_id, card_id, account_id, counterparty_account_id,
          description, details, created_at)
       VALUES (p_reference, p_type, p_amount, p_customer_id, p_card_id, p_account_id,
               p_counterparty_id, p_description, COALESCE(p_details, '{}'::jsonb), p_at)
       RETURNING id
     ), postings AS (
       SELECT * FROM unnest(p_accounts, p_amounts, p_entry_types, p_descriptions, p_running)
         WITH ORDINALITY AS p(account_id, amount_cents, entry_type, description, running, ord)
     ), balances AS (
       UPDATE accounts a SET balance_cents = a.balance_cents + p.amount_cents
         FROM postings p
        WHERE a.id = p.account_id AND p.running
        RETURNING a.id, a.balance_cents
     ), entries AS (
       INSERT INTO ledger_entries
         (transaction_id, account_id, type, amount_cents, balance_after_cents, description, created_at)
       SELECT tx.id, p.account_id, p.entry_type, p.amount_cents, b.balance_cents, p.description, p_at
         FROM tx CROSS JOIN postings p LEFT JOIN balances b ON b.id = p.account_id
        ORDER BY p.ord
       RETURNING 1
     )
     SELECT jsonb_build_object(
              'id', (SELECT id FROM tx),
              'balances', COALESCE((SELECT jsonb_object_agg(id, balance_cents) FROM balances), '{}'::jsonb),
              'entries', (SELECT count(*) FROM entries))
       INTO v_result;
     IF (SELECT count(*) FROM unnest(p_running) r WHERE r)
        <> (SELECT count(*) FROM jsonb_object_keys(v_result->'balances')) THEN
       RAISE EXCEPTION 'a posting named an account without a running balance'
         USING ERRCODE = '23514', CONSTRAINT = 'ledger_running_balance';
     END IF;
     RETURN v_result;
   END $$`,

  // Idempotency: NULL when this request now holds the key; otherwise the answer to give
  // (an error code, or the recorded answer to replay). A request with the key of one still
  // running waits on its uncommitted row, then replays its answer (or, past lock_timeout,
  // the API answers 409 IDEMPOTENCY_IN_PROGRESS).
  `CREATE FUNCTION atm_claim_key_v1(p_ctx atm_movement_v1) RETURNS jsonb
   LANGUAGE plpgsql AS $$
   DECLARE
     r idempotency_records%ROWTYPE;
   BEGIN
     IF p_ctx.key IS NULL THEN RETURN jsonb_build_object('error', 'IDEMPOTENCY_KEY_REQUIRED'); END IF;
     INSERT INTO idempotency_records (customer_id, key, request_hash, state, created_at)
     VALUES (p_ctx.customer_id, p_ctx.key, p_ctx.fingerprint, 'IN_PROGRESS', p_ctx.now)
     ON CONFLICT (customer_id, key) DO NOTHING;
     IF FOUND THEN RETURN NULL; END IF;
     SELECT * INTO r FROM idempotency_records WHERE customer_id = p_ctx.customer_id AND key = p_ctx.key;
     IF NOT FOUND OR r.state <> 'COMPLETED' OR r.response_status IS NULL THEN
       RETURN jsonb_build_object('error', 'IDEMPOTENCY_IN_PROGRESS');
     END IF;
     IF r.request_hash <> p_ctx.fingerprint THEN
       RETURN jsonb_build_object('error', 'IDEMPOTENCY_KEY_REUSED');
     END IF;
     RETURN jsonb_build_object('status', r.response_status, 'body', r.response_body, 'replayed', true);
   END $$`,

  // Records the answer with the key and the audit event; the movement commits with them.
  `CREATE FUNCTION atm_answer_v1(
     p_ctx atm_movement_v1, p_type text, p_status integer, p_body jsonb, p_outcome text,
     p_account_id uuid, p_details jsonb)
   RETURNS jsonb LANGUAGE plpgsql AS $$
   BEGIN
     UPDATE idempotency_records SET state = 'COMPLETED', response_status = p_status, response_body = p_body
      WHERE customer_id = p_ctx.customer_id AND key = p_ctx.key;
     INSERT INTO audit_events
       (occurred_at, type, outcome, actor_type, customer_id, card_last4, account_id, client_ip, details)
     VALUES (p_ctx.now, p_type, p_outcome, 'CUSTOMER', p_ctx.customer_id, p_ctx.card_last4,
             p_account_id, p_ctx.client_ip, p_details);
     RETURN jsonb_build_object('status', p_status, 'body', p_body, 'replayed', false);
   END $$`,

  // A business refusal (422): answered, recorded with the key, replayed on retry, audited.
  `CREATE FUNCTION atm_refuse_v1(
     p_ctx atm_movement_v1, p_type text, p_account_id uuid, p_code text, p_detail_key text,
     p_detail_argument text, p_extras jsonb)
   RETURNS jsonb LANGUAGE plpgsql AS $$
   DECLARE
     v_problem jsonb := p_ctx.texts->'problems'->p_code;
     v_body jsonb;
   BEGIN
     v_body := jsonb_build_object(
       'type', v_problem->>'type', 'title', v_problem->>'title', 'status', 422,
       'detail', format(p_ctx.texts->'details'->>p_detail_key, p_detail_argument),
       'code', p_code) || COALESCE(p_extras, '{}'::jsonb);
     RETURN atm_answer_v1(p_ctx, p_type, 422, v_body, 'REFUSED', p_account_id,
                          jsonb_build_object('code', p_code, 'request', p_ctx.request))
            || jsonb_build_object('code', p_code);
   END $$`,

  `CREATE FUNCTION atm_add_daily_usage_v1(p_account_id uuid, p_day date, p_kind text, p_amount bigint)
   RETURNS void LANGUAGE sql AS $$
     INSERT INTO daily_limit_usage (account_id, day, kind, used_cents) VALUES (p_account_id, p_day, p_kind, p_amount)
     ON CONFLICT (account_id, day, kind) DO UPDATE SET used_cents = daily_limit_usage.used_cents + EXCLUDED.used_cents
   $$`,

  `CREATE FUNCTION atm_used_today_v1(p_account_id uuid, p_day date, p_kind text) RETURNS bigint
   LANGUAGE sql STABLE AS $$
     SELECT COALESCE((SELECT used_cents FROM daily_limit_usage
                       WHERE account_id = p_account_id AND day = p_day AND kind = p_kind), 0)::bigint
   $$`,

  // What is left of a daily limit today (never below zero): the rule the movements check
  // and GET /accounts/:id/limits reports.
  `CREATE FUNCTION atm_limit_remaining_v1(p_account_id uuid, p_day date, p_kind text, p_limit bigint)
   RETURNS bigint LANGUAGE sql STABLE AS $$
     SELECT greatest(p_limit - atm_used_today_v1(p_account_id, p_day, p_kind), 0)::bigint
   $$`,

  // GET /accounts/:id/limits: NULL when the account is not the customer's.
  `CREATE FUNCTION atm_limits_v1(
     p_customer_id uuid, p_account_id uuid, p_day date, p_withdrawal_limit bigint, p_transfer_limit bigint)
   RETURNS jsonb LANGUAGE sql STABLE AS $$
     SELECT jsonb_build_object(
              'withdrawal', jsonb_build_object(
                'dailyLimitCents', p_withdrawal_limit,
                'usedTodayCents', atm_used_today_v1(p_account_id, p_day, 'WITHDRAWAL'),
                'remainingCents', atm_limit_remaining_v1(p_account_id, p_day, 'WITHDRAWAL', p_withdrawal_limit)),
              'transfer', jsonb_build_object(
                'dailyLimitCents', p_transfer_limit,
                'usedTodayCents', atm_used_today_v1(p_account_id, p_day, 'TRANSFER'),
                'remainingCents', atm_limit_remaining_v1(p_account_id, p_day, 'TRANSFER', p_transfer_limit)))
      WHERE EXISTS (SELECT 1 FROM accounts WHERE id = p_account_id
                       AND customer_id = p_customer_id AND kind = 'CUSTOMER')
   $$`,

  // The checks every movement starts with, in the contract's order: the session (401),
  // ownership (404, never recorded), then the idempotency key. NULL when the movement may
  // proceed holding the key; otherwise the answer.
  `CREATE FUNCTION atm_movement_start_v1(p_ctx atm_movement_v1, p_account_id uuid, OUT answer jsonb, OUT card_id uuid)
   LANGUAGE plpgsql AS $$
   DECLARE
     v_session jsonb := atm_session_v1(p_ctx.session_id, p_ctx.customer_id, p_ctx.now,
                                       p_ctx.idle_seconds, p_ctx.max_seconds);
   BEGIN
     IF v_session ? 'error' THEN answer := v_session; RETURN; END IF;
     card_id := (v_session->>'cardId')::uuid;
     <<ownership>>
     BEGIN
       -- Another customer's account answers exactly like one that does not exist.
       IF NOT EXISTS (SELECT 1 FROM accounts WHERE id = p_account_id
                         AND customer_id = p_ctx.customer_id AND kind = 'CUSTOMER') THEN
         answer := jsonb_build_object('error', 'NOT_FOUND');
         RETURN;
       END IF;
     END ownership;
     answer := atm_claim_key_v1(p_ctx);
   END $$`,

  `CREATE FUNCTION atm_transaction_json_v1(
     p_posted jsonb, p_reference text, p_type text, p_amount bigint, p_account_id uuid, p_at timestamptz)
   RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
     SELECT jsonb_build_object('id', p_posted->>'id', 'reference', p_reference, 'type', p_type,
                               'amountCents', p_amount, 'accountId', p_account_id,
                               'balanceAfterCents', (p_posted->'balances'->>(p_account_id::text))::bigint,
                               'createdAt', atm_iso_v1(p_at))
   $$`,

  `CREATE FUNCTION atm_withdraw_v1(
     ${sql.CONTEXT_ARGUMENTS_V1}, p_account_id uuid, p_amount bigint, p_multiple bigint, p_daily_limit bigint,
     p_day date, p_reference text)
   RETURNS jsonb LANGUAGE plpgsql AS $$
   DECLARE
     ${sql.CONTEXT_FROM_ARGUMENTS_V1}
     v_start record;
     v_account accounts%ROWTYPE;
     v_available bigint;
     v_remaining bigint;
     v_notes jsonb;
     v_posted jsonb;
     v_body jsonb;
     v_answer jsonb;
   BEGIN
     ${sql.movementStart(WITHDRAWAL)}
     SELECT * INTO v_account FROM accounts WHERE id = p_account_id FOR UPDATE;

     ${sql.accountNotActive(WITHDRAWAL)}

     ${sql.invalidAmount(WITHDRAWAL, 'p_amount % p_multiple <> 0')}

     ${sql.insufficientFunds(WITHDRAWAL)}

     ${sql.dailyLimitExceeded(WITHDRAWAL)}

     ${sql.cannotDispense(WITHDRAWAL)}

     v_posted := atm_post_v1(p_reference, 'WITHDRAWAL', p_amount, p_customer_id, v_start.card_id,
       p_account_id, NULL, 'ATM withdrawal', jsonb_build_object('notes', v_notes), p_now,
       ${sql.WITHDRAWAL_ENTRIES});
     PERFORM atm_add_daily_usage_v1(p_account_id, p_day, 'WITHDRAWAL', p_amount);
     v_body := jsonb_build_object(
       'transaction', atm_transaction_json_v1(v_posted, p_reference, 'WITHDRAWAL', p_amount, p_account_id, p_now),
       'notes', v_notes);
     v_answer := atm_answer_v1(v_ctx, 'WITHDRAWAL', 201, v_body, 'SUCCESS', p_account_id,
       jsonb_build_object('amountCents', p_amount, 'reference', p_reference, 'notes', v_notes));
     -- The note stock goes last: its rows stay locked only for the moment before commit.
     PERFORM atm_take_notes_v1(v_notes);
     RETURN v_answer;
   END $$`,

  `CREATE FUNCTION atm_deposit_v1(
     ${sql.CONTEXT_ARGUMENTS_V1}, p_account_id uuid, p_amount bigint, p_kind text, p_check_number text,
     p_max_deposit bigint, p_hold_amounts bigint[], p_hold_release_at timestamptz[], p_reference text)
   RETURNS jsonb LANGUAGE plpgsql AS $$
   DECLARE
     ${sql.CONTEXT_FROM_ARGUMENTS_V1}
     v_start record;
     v_account accounts%ROWTYPE;
     v_description text;
     v_posted jsonb;
     v_body jsonb;
   BEGIN
     ${sql.movementStart(DEPOSIT)}
     SELECT * INTO v_account FROM accounts WHERE id = p_account_id FOR UPDATE;

     ${sql.accountNotActive(DEPOSIT)}

     ${sql.invalidAmount(DEPOSIT, 'p_amount > p_max_deposit')}

     v_description := CASE WHEN p_kind = 'CHECK'
                           THEN 'Check deposit' || COALESCE(' #' || p_check_number, '')
                           ELSE 'Cash deposit' END;
     -- Cash comes out of the ATM's cash account (into the deposit bin); a check is owed to
     -- the bank by the paying bank until it clears.
     v_posted := atm_post_v1(p_reference, 'DEPOSIT', p_amount, p_customer_id, v_start.card_id,
       p_account_id, NULL, v_description,
       jsonb_strip_nulls(jsonb_build_object('kind', p_kind, 'checkNumber', p_check_number)), p_now,
       ARRAY[p_account_id, atm_internal_account_v1(CASE WHEN p_kind = 'CHECK' THEN 'CHECK_CLEARING' ELSE 'ATM_CASH' END)],
       ARRAY[p_amount, -p_amount], ARRAY['DEPOSIT', 'DEPOSIT'],
       ARRAY[v_description, v_description || ' to ' || atm_mask_number_v1(v_account.number)],
       ARRAY[true, false]);
     INSERT INTO deposit_holds (account_id, transaction_id, amount_cents, release_at, created_at)
     SELECT p_account_id, (v_posted->>'id')::uuid, h.amount, h.release_at, p_now
       FROM unnest(p_hold_amounts, p_hold_release_at) AS h(amount, release_at);
     v_body := jsonb_build_object(
       'transaction', atm_transaction_json_v1(v_posted, p_reference, 'DEPOSIT', p_amount, p_account_id, p_now),
       'holds', COALESCE((SELECT jsonb_agg(jsonb_build_object('amountCents', h.amount, 'releaseAt', atm_iso_v1(h.release_at)) ORDER BY h.i)
                            FROM unnest(p_hold_amounts, p_hold_release_at) WITH ORDINALITY AS h(amount, release_at, i)), '[]'::jsonb));
     RETURN atm_answer_v1(v_ctx, 'DEPOSIT', 201, v_body, 'SUCCESS', p_account_id,
       jsonb_build_object('amountCents', p_amount, 'kind', p_kind, 'reference', p_reference));
   END $$`,

  `CREATE FUNCTION atm_transfer_v1(
     ${sql.CONTEXT_ARGUMENTS_V1}, p_from_account_id uuid, p_to_number text, p_amount bigint, p_memo text,
     p_daily_limit bigint, p_day date, p_reference text)
   RETURNS jsonb LANGUAGE plpgsql AS $$
   DECLARE
     ${sql.CONTEXT_FROM_ARGUMENTS_V1}
     v_start record;
     v_from accounts%ROWTYPE;
     v_to accounts%ROWTYPE;
     v_to_id uuid;
     v_available bigint;
     v_remaining bigint;
     v_memo text := CASE WHEN p_memo IS NULL OR p_memo = '' THEN '' ELSE ': ' || p_memo END;
     v_posted jsonb;
     v_body jsonb;
   BEGIN
     ${sql.movementStart(TRANSFER)}

     ${sql.sameAccount(TRANSFER)}

     ${sql.recipientNotFound(TRANSFER)}

     -- Both rows locked in one fixed order (by id): A->B and B->A queue, never deadlock.
     PERFORM 1 FROM accounts WHERE id IN (p_from_account_id, v_to_id) ORDER BY id FOR UPDATE;
     SELECT * INTO v_from FROM accounts WHERE id = p_from_account_id;
     SELECT * INTO v_to FROM accounts WHERE id = v_to_id;

     ${sql.transferAccountsNotActive(TRANSFER)}

     ${sql.insufficientFunds(TRANSFER)}

     ${sql.dailyLimitExceeded(TRANSFER, [
       "Every transfer out counts toward the source's limit, to the customer's own accounts too.",
     ])}

     v_posted := atm_post_v1(p_reference, 'TRANSFER', p_amount, p_customer_id, v_start.card_id,
       p_from_account_id, v_to.id, 'Transfer to ' || atm_mask_number_v1(v_to.number) || v_memo,
       CASE WHEN v_memo = '' THEN '{}'::jsonb ELSE jsonb_build_object('memo', p_memo) END, p_now,
       ${sql.TRANSFER_ENTRIES});
     PERFORM atm_add_daily_usage_v1(p_from_account_id, p_day, 'TRANSFER', p_amount);
     v_body := jsonb_build_object('transaction',
       atm_transaction_json_v1(v_posted, p_reference, 'TRANSFER', p_amount, p_from_account_id, p_now)
       || jsonb_build_object('counterpartyAccountNumber', atm_mask_number_v1(v_to.number)));
     RETURN atm_answer_v1(v_ctx, 'TRANSFER', 201, v_body, 'SUCCESS', p_from_account_id,
       jsonb_build_object('amountCents', p_amount, 'reference', p_reference, 'toAccountId', v_to.id));
   END $$`,
];

const DROP_MONEY_FUNCTIONS_V1 = [
  'DROP FUNCTION IF EXISTS atm_transfer_v1',
  'DROP FUNCTION IF EXISTS atm_deposit_v1',
  'DROP FUNCTION IF EXISTS atm_withdraw_v1',
  'DROP FUNCTION IF EXISTS atm_transaction_json_v1',
  'DROP FUNCTION IF EXISTS atm_movement_start_v1',
  'DROP FUNCTION IF EXISTS atm_limits_v1',
  'DROP FUNCTION IF EXISTS atm_limit_remaining_v1',
  'DROP FUNCTION IF EXISTS atm_used_today_v1',
  'DROP FUNCTION IF EXISTS atm_add_daily_usage_v1',
  'DROP FUNCTION IF EXISTS atm_refuse_v1',
  'DROP FUNCTION IF EXISTS atm_answer_v1',
  'DROP FUNCTION IF EXISTS atm_claim_key_v1',
  'DROP FUNCTION IF EXISTS atm_post_v1',
  'DROP FUNCTION IF EXISTS atm_internal_account_v1',
  'DROP FUNCTION IF EXISTS atm_take_notes_v1',
  'DROP FUNCTION IF EXISTS atm_fewest_notes_v1',
  'DROP FUNCTION IF EXISTS atm_fewest_notes_search_v1',
  'DROP FUNCTION IF EXISTS atm_accounts_v1',
  'DROP FUNCTION IF EXISTS atm_session_v1',
  'DROP FUNCTION IF EXISTS atm_customer_accounts_v1',
  'DROP FUNCTION IF EXISTS atm_held_cents_v1',
  'DROP FUNCTION IF EXISTS atm_iso_v1',
  'DROP FUNCTION IF EXISTS atm_mask_number_v1',
  'DROP FUNCTION IF EXISTS atm_format_cents_v1',
  'DROP TYPE IF EXISTS atm_movement_v1',
];
