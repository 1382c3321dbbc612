/**
 * The SQL the money path's functions share, once: the account read, the checks every
 * movement starts with, the rule blocks (one labelled block per rule, as the contract names
 * them) and the ledger entries of each kind of movement. The `_v1` functions (1735000000000)
 * and the `_v2` ones (1736100000000) compose their texts from these.
 *
 * FROZEN: released migrations run these texts, and the SQL a released migration runs must
 * never change by one byte (migration-history.spec.ts pins it by digest). A later migration
 * that needs a rule to read differently writes its own fragment beside these; it never
 * edits one that a released migration uses.
 *
 * A fragment's first line takes the indentation of the line it is placed on; its other lines
 * carry the indentation of the place every use stands in (a function body's statements at
 * five spaces, unless its comment says otherwise), so the composed text is the released one.
 */

/**
 * The contract's Account object, from the accounts row `a` (inside jsonb_build_object): the
 * available balance is the balance less the holds not yet released at `p_now`.
 */
export const ACCOUNT_FIELDS = `'id', a.id, 'number', a.number, 'type', a.type,
              'balanceCents', a.balance_cents,
              'availableBalanceCents', a.balance_cents - atm_held_cents_v1(a.id, p_now),
              'currency', a.currency, 'status', a.status`;

/**
 * GET /accounts and GET /accounts/:id as one function: the session check, then the
 * customer's accounts as `customerAccounts` reads them.
 */
export const accountsFunction = (name: string, customerAccounts: string): string =>
  `CREATE FUNCTION ${name}(
     p_session_id uuid, p_customer_id uuid, p_now timestamptz, p_idle_seconds integer,
     p_max_seconds integer, p_account_id uuid)
   RETURNS jsonb LANGUAGE plpgsql AS $$
   DECLARE
     v_session jsonb := atm_session_v1(p_session_id, p_customer_id, p_now, p_idle_seconds, p_max_seconds);
   BEGIN
     IF v_session ? 'error' THEN RETURN v_session; END IF;
     RETURN jsonb_build_object('accounts', ${customerAccounts}(p_customer_id, p_now, p_account_id));
   END $$`;

/** The names a movement function's body gives to what its rule blocks read. */
export interface Movement {
  /**
   * The movement's context (`atm_movement_v1`): `v_ctx` in the `_v1` functions, which build
   * it from their first eleven arguments, and the argument `p_ctx` in the `_v2` ones.
   */
  ctx: 'v_ctx' | 'p_ctx';
  /** The movement's type: the refusal's audit event type and its daily limit's kind. */
  type: 'WITHDRAWAL' | 'DEPOSIT' | 'TRANSFER';
  /** The account the customer moves money on: its id argument and its locked row. */
  accountId: 'p_account_id' | 'p_from_account_id';
  account: 'v_account' | 'v_from';
}

/** A movement's names: a transfer names the account it debits `from`, the others `account`. */
export const movement = (ctx: Movement['ctx'], type: Movement['type']): Movement =>
  type === 'TRANSFER'
    ? { ctx, type, accountId: 'p_from_account_id', account: 'v_from' }
    : { ctx, type, accountId: 'p_account_id', account: 'v_account' };

/** A `_v1` movement's first eleven arguments: the fields of `atm_movement_v1`, one by one. */
export const CONTEXT_ARGUMENTS_V1 = `p_session_id uuid, p_customer_id uuid, p_card_last4 text, p_client_ip text, p_now timestamptz,
     p_idle_seconds integer, p_max_seconds integer, p_key text, p_fingerprint text, p_request jsonb,
     p_texts jsonb`;

/** A `_v1` movement's declaration of `v_ctx`, built from CONTEXT_ARGUMENTS_V1. */
export const CONTEXT_FROM_ARGUMENTS_V1 = `v_ctx atm_movement_v1 := ROW(p_session_id, p_customer_id, p_card_last4, p_client_ip, p_now,
       p_idle_seconds, p_max_seconds, p_key, p_fingerprint, p_request, p_texts)::atm_movement_v1;`;

/**
 * The checks every movement starts with (session, ownership, idempotency key): their answer
 * when one refuses, otherwise on with the key held. Declares nothing: the function declares
 * `v_start record`.
 */
export const movementStart = ({ ctx, accountId }: Movement): string =>
  `SELECT * INTO v_start FROM atm_movement_start_v1(${ctx}, ${accountId});
     IF v_start.answer IS NOT NULL THEN RETURN v_start.answer; END IF;`;

/** A frozen or closed account moves nothing. */
export const accountNotActive = ({ ctx, type, accountId, account }: Movement): string =>
  `<<account_not_active>>
     BEGIN
       IF ${account}.status <> 'ACTIVE' THEN
         RETURN atm_refuse_v1(${ctx}, '${type}', ${accountId}, 'ACCOUNT_NOT_ACTIVE',
                              'ACCOUNT_NOT_ACTIVE', lower(${account}.status), NULL);
       END IF;
     END account_not_active;`;

/** A transfer's source and recipient must both be active; each refusal names which one is not. */
export const transferAccountsNotActive = ({ ctx }: Movement): string =>
  `<<account_not_active>>
     BEGIN
       IF v_from.status <> 'ACTIVE' THEN
         RETURN atm_refuse_v1(${ctx}, 'TRANSFER', p_from_account_id, 'ACCOUNT_NOT_ACTIVE',
                              'ACCOUNT_NOT_ACTIVE', lower(v_from.status), NULL);
       END IF;
       IF v_to.status <> 'ACTIVE' THEN
         RETURN atm_refuse_v1(${ctx}, 'TRANSFER', p_from_account_id, 'ACCOUNT_NOT_ACTIVE',
                              'RECIPIENT_NOT_ACTIVE', lower(v_to.status), NULL);
       END IF;
     END account_not_active;`;

/** The amount is refused when `invalid` holds (the movement's own rule for a valid amount). */
export const invalidAmount = ({ ctx, type, accountId }: Movement, invalid: string): string =>
  `<<invalid_amount>>
     BEGIN
       IF ${invalid} THEN
         RETURN atm_refuse_v1(${ctx}, '${type}', ${accountId}, 'INVALID_AMOUNT', 'INVALID_AMOUNT', NULL, NULL);
       END IF;
     END invalid_amount;`;

/**
 * The `_v1` funds rule: the amount must fit the available balance (the balance less unreleased
 * deposit holds). Needs `v_available bigint`.
 */
export const insufficientFunds = ({ ctx, type, accountId, account }: Movement): string =>
  `<<insufficient_funds>>
     BEGIN
       v_available := ${account}.balance_cents - atm_held_cents_v1(${accountId}, p_now);
       IF p_amount > v_available THEN
         RETURN atm_refuse_v1(${ctx}, '${type}', ${accountId}, 'INSUFFICIENT_FUNDS', 'INSUFFICIENT_FUNDS',
                              atm_format_cents_v1(greatest(v_available, 0)), NULL);
       END IF;
     END insufficient_funds;`;

/**
 * The `_v2` funds rule: the available balance with what the linked savings account covers
 * (atm_overdraft_cover_v2). Needs `v_link uuid` (the locked link) and `v_cover record`.
 */
export const insufficientFundsWithOverdraft = ({
  ctx,
  type,
  accountId,
  account,
}: Movement): string =>
  `<<insufficient_funds>>
     BEGIN
       -- The available balance, and what the linked savings account can cover (overdraft protection).
       SELECT * INTO v_cover FROM atm_overdraft_cover_v2(${account}, v_link, p_amount, ${ctx}.now);
       IF v_cover.sweep IS NULL THEN
         RETURN atm_refuse_v1(${ctx}, '${type}', ${accountId}, 'INSUFFICIENT_FUNDS', 'INSUFFICIENT_FUNDS',
                              atm_format_cents_v1(greatest(v_cover.available, 0)), NULL);
       END IF;
     END insufficient_funds;`;

/**
 * The daily limit of the movement's kind, on the account it debits; `why` is the comment (one
 * string a line) on what counts toward it. Needs `v_remaining bigint`.
 */
export const dailyLimitExceeded = (
  { ctx, type, accountId }: Movement,
  why: readonly string[] = [],
): string =>
  `<<daily_limit_exceeded>>
     BEGIN
${why.map((line) => `       -- ${line}\n`).join('')}       v_remaining := atm_limit_remaining_v1(${accountId}, p_day, '${type}', p_daily_limit);
       IF p_amount > v_remaining THEN
         RETURN atm_refuse_v1(${ctx}, '${type}', ${accountId}, 'DAILY_LIMIT_EXCEEDED', 'DAILY_LIMIT_EXCEEDED',
                              atm_format_cents_v1(v_remaining), jsonb_build_object('remainingCents', v_remaining));
       END IF;
     END daily_limit_exceeded;`;

/** A withdrawal the notes in the machine cannot make is refused. Needs `v_notes jsonb`. */
export const cannotDispense = ({ ctx, type, accountId }: Movement): string =>
  `<<cannot_dispense>>
     BEGIN
       -- The stock is read without a lock; atm_take_notes_v1 re-checks it at the end.
       SELECT atm_fewest_notes_v1(p_amount, array_agg(denomination_cents::bigint), array_agg(notes))
         INTO v_notes
         FROM (SELECT denomination_cents, SUM(note_count)::bigint AS notes FROM note_cassettes
                WHERE note_count > 0 GROUP BY denomination_cents) stock;
       IF v_notes IS NULL THEN
         RETURN atm_refuse_v1(${ctx}, '${type}', ${accountId}, 'CANNOT_DISPENSE', 'CANNOT_DISPENSE',
                              atm_format_cents_v1(p_amount), NULL);
       END IF;
     END cannot_dispense;`;

/** A transfer to the account it comes from is refused. */
export const sameAccount = ({ ctx }: Movement): string =>
  `<<same_account>>
     BEGIN
       IF (SELECT number FROM accounts WHERE id = p_from_account_id) = p_to_number THEN
         RETURN atm_refuse_v1(${ctx}, 'TRANSFER', p_from_account_id, 'SAME_ACCOUNT', 'SAME_ACCOUNT', NULL, NULL);
       END IF;
     END same_account;`;

/** A transfer's recipient is a customer account by number. Needs `v_to_id uuid`. */
export const recipientNotFound = ({ ctx }: Movement): string =>
  `<<recipient_not_found>>
     BEGIN
       -- Internal accounts are never a transfer's recipient.
       SELECT id INTO v_to_id FROM accounts WHERE number = p_to_number AND kind = 'CUSTOMER';
       IF NOT FOUND THEN
         RETURN atm_refuse_v1(${ctx}, 'TRANSFER', p_from_account_id, 'RECIPIENT_NOT_FOUND',
                              'RECIPIENT_NOT_FOUND', NULL, NULL);
       END IF;
     END recipient_not_found;`;

/**
 * A withdrawal's ledger entries, as atm_post_v1's last five arguments (at the indentation of
 * that call's continuation lines): the account debited with its running balance, the ATM's
 * cash account credited without one.
 */
export const WITHDRAWAL_ENTRIES = `ARRAY[p_account_id, atm_internal_account_v1('ATM_CASH')], ARRAY[-p_amount, p_amount],
       ARRAY['WITHDRAWAL', 'WITHDRAWAL'],
       ARRAY['ATM withdrawal', 'ATM withdrawal from ' || atm_mask_number_v1(v_account.number)],
       ARRAY[true, false]`;

/**
 * A transfer's ledger entries, as atm_post_v1's last five arguments: out of the source, into
 * the recipient, each described with the other's masked number and the memo (`v_memo`).
 */
export const TRANSFER_ENTRIES = `ARRAY[p_from_account_id, v_to.id], ARRAY[-p_amount, p_amount], ARRAY['TRANSFER_OUT', 'TRANSFER_IN'],
       ARRAY['Transfer to ' || atm_mask_number_v1(v_to.number) || v_memo,
             'Transfer from ' || atm_mask_number_v1(v_from.number) || v_memo],
       ARRAY[true, true]`;
