import * as sql from './money-path-sql';
import { StatementListMigration } from './statement-list-migration';

/**
 * v1.1 overdraft protection (issue 17): a checking account may name a savings account of
 * the same customer that covers what its available balance does not.
 *
 * The money path gains `_v2` functions beside the `_v1` ones (see 1735000000000): API tasks
 * of the previous release keep calling `_v1` during a rolling deploy (they never sweep and
 * never show the link), the new ones call `_v2`. The v2 movements take the shared
 * `atm_movement_v1` context as one argument instead of its eleven fields, so nothing of
 * that preamble is written twice. The rules stay one labelled block each, in the
 * contract's order; the overdraft rule adds one block (`overdraft_cover`) and one helper
 * that writes the sweep, used by both movements.
 */
export class OverdraftProtection1736100000000 extends StatementListMigration {
  constructor() {
    super('OverdraftProtection1736100000000', OVERDRAFT_PROTECTION, DROP_OVERDRAFT_PROTECTION);
  }
}

// The movements below, as their rule blocks (money-path-sql.ts) name them.
const WITHDRAWAL = sql.movement('p_ctx', 'WITHDRAWAL');
const TRANSFER = sql.movement('p_ctx', 'TRANSFER');

const OVERDRAFT_PROTECTION = [
  // The savings account that covers this checking account's shortfalls, or NULL. Who may be
  // linked (a savings account of the same customer) is checked by the admin service when
  // the link is made; the movements re-check that the savings account is still active.
  `ALTER TABLE accounts
     ADD COLUMN overdraft_from_account_id uuid REFERENCES accounts(id),
     ADD CONSTRAINT accounts_overdraft_not_itself CHECK (overdraft_from_account_id <> id)`,

  // As atm_customer_accounts_v1, plus the linked savings account masked to its last four.
  `CREATE FUNCTION atm_customer_accounts_v2(p_customer_id uuid, p_now timestamptz, p_account_id uuid)
   RETURNS jsonb LANGUAGE sql STABLE AS $$
     SELECT COALESCE(jsonb_agg(jsonb_build_object(
              ${sql.ACCOUNT_FIELDS},
              'overdraftFromAccountNumber', atm_mask_number_v1(link.number)) ORDER BY a.number), '[]'::jsonb)
       FROM accounts a
       LEFT JOIN accounts link ON link.id = a.overdraft_from_account_id
      WHERE a.customer_id = p_customer_id AND a.kind = 'CUSTOMER'
        AND (p_account_id IS NULL OR a.id = p_account_id)
   $$`,

  // As atm_accounts_v1, reading the accounts with their overdraft link.
  sql.accountsFunction('atm_accounts_v2', 'atm_customer_accounts_v2'),

  // Locks the account a movement debits, the savings account linked to it and the other
  // account of a transfer, all in one fixed order (by id), so that movements touching any
  // of them queue and never deadlock. The link was read before the lock: if an
  // administrator changed it meanwhile, serialization_failure makes the API run the call
  // again (with the new link). Answers the linked account's id, or NULL.
  `CREATE FUNCTION atm_lock_with_overdraft_v2(p_account_id uuid, p_other_id uuid) RETURNS uuid
   LANGUAGE plpgsql AS $$
   DECLARE
     v_link uuid := (SELECT overdraft_from_account_id FROM accounts WHERE id = p_account_id);
   BEGIN
     PERFORM 1 FROM accounts WHERE id IN (p_account_id, v_link, p_other_id) ORDER BY id FOR UPDATE;
     IF (SELECT overdraft_from_account_id FROM accounts WHERE id = p_account_id) IS DISTINCT FROM v_link THEN
       RAISE EXCEPTION 'the overdraft link changed while the accounts were being locked'
         USING ERRCODE = '40001';
     END IF;
     RETURN v_link;
   END $$`,

  // The overdraft rule: whether the account's available balance, with what the linked
  // savings account has available (holds excluded) if it is active, covers p_amount.
  // sweep is the shortfall the savings account must cover (0 when none), or NULL when
  // even both together fall short; available is what both together could cover (for the
  // refusal's detail).
  `CREATE FUNCTION atm_overdraft_cover_v2(
     p_account accounts, p_link_id uuid, p_amount bigint, p_now timestamptz,
     OUT available bigint, OUT sweep bigint)
   LANGUAGE plpgsql STABLE AS $$
   DECLARE
     v_own bigint := p_account.balance_cents - atm_held_cents_v1(p_account.id, p_now);
     v_link accounts%ROWTYPE;
   BEGIN
     available := v_own;
     sweep := 0;
     IF p_amount <= v_own THEN RETURN; END IF;
     sweep := NULL;
     IF p_link_id IS NULL THEN RETURN; END IF;
     SELECT * INTO v_link FROM accounts WHERE id = p_link_id;
     -- A frozen or closed savings account covers nothing: the movement is refused whole.
     IF v_link.status <> 'ACTIVE' THEN RETURN; END IF;
     available := v_own + greatest(v_link.balance_cents - atm_held_cents_v1(p_link_id, p_now), 0);
     IF p_amount <= available THEN sweep := p_amount - v_own; END IF;
   END $$`,

  // The sweep: its own double-entry transfer from the savings account to the checking
  // account (the caller holds both row locks), before the customer's movement. It does not
  // count toward the savings account's daily transfer limit (the contract's one
  // exception). Answers the contract's Transaction.
  `CREATE FUNCTION atm_overdraft_sweep_v2(
     p_ctx atm_movement_v1, p_card_id uuid, p_checking accounts, p_savings_id uuid, p_amount bigint,
     p_reference text)
   RETURNS jsonb LANGUAGE plpgsql AS $$
   DECLARE
     v_posted jsonb;
   BEGIN
     v_posted := atm_post_v1(p_reference, 'TRANSFER', p_amount, p_ctx.customer_id, p_card_id,
       p_savings_id, p_checking.id, 'Overdraft protection',
       jsonb_build_object('overdraftProtection', true), p_ctx.now,
       ARRAY[p_savings_id, p_checking.id], ARRAY[-p_amount, p_amount], ARRAY['TRANSFER_OUT', 'TRANSFER_IN'],
       ARRAY['Overdraft protection', 'Overdraft protection'], ARRAY[true, true]);
     INSERT INTO audit_events
       (occurred_at, type, outcome, actor_type, customer_id, card_last4, account_id, client_ip, details)
     VALUES (p_ctx.now, 'OVERDRAFT_SWEEP', 'SUCCESS', 'CUSTOMER', p_ctx.customer_id, p_ctx.card_last4,
             p_checking.id, p_ctx.client_ip,
             jsonb_build_object('amountCents', p_amount, 'reference', p_reference,
                                'fromAccountId', p_savings_id, 'transactionId', v_posted->>'id'));
     RETURN atm_transaction_json_v1(v_posted, p_reference, 'TRANSFER', p_amount, p_savings_id, p_ctx.now)
            || jsonb_build_object('counterpartyAccountNumber', atm_mask_number_v1(p_checking.number));
   END $$`,

  `CREATE FUNCTION atm_withdraw_v2(
     p_ctx atm_movement_v1, p_account_id uuid, p_amount bigint, p_multiple bigint, p_daily_limit bigint,
     p_day date, p_reference text, p_sweep_reference text)
   RETURNS jsonb LANGUAGE plpgsql AS $$
   DECLARE
     v_start record;
     v_link uuid;
     v_account accounts%ROWTYPE;
     v_cover record;
     v_remaining bigint;
     v_notes jsonb;
     v_sweep jsonb;
     v_posted jsonb;
     v_body jsonb;
     v_answer jsonb;
   BEGIN
     ${sql.movementStart(WITHDRAWAL)}
     v_link := atm_lock_with_overdraft_v2(p_account_id, NULL);
     SELECT * INTO v_account FROM accounts WHERE id = p_account_id;

     ${sql.accountNotActive(WITHDRAWAL)}

     ${sql.invalidAmount(WITHDRAWAL, 'p_amount % p_multiple <> 0')}

     ${sql.insufficientFundsWithOverdraft(WITHDRAWAL)}

     ${sql.dailyLimitExceeded(WITHDRAWAL, [
       "The customer's withdrawal counts, whoever covers it; the sweep counts toward nothing.",
     ])}

     ${sql.cannotDispense(WITHDRAWAL)}

     -- Every rule passed: the sweep first, so the checking balance never goes below zero.
     IF v_cover.sweep > 0 THEN
       v_sweep := atm_overdraft_sweep_v2(p_ctx, v_start.card_id, v_account, v_link, v_cover.sweep, p_sweep_reference);
     END IF;
     v_posted := atm_post_v1(p_reference, 'WITHDRAWAL', p_amount, p_ctx.customer_id, v_start.card_id,
       p_account_id, NULL, 'ATM withdrawal',
       jsonb_build_object('notes', v_notes) || jsonb_strip_nulls(jsonb_build_object('overdraftTransferId', v_sweep->'id')),
       p_ctx.now,
       ${sql.WITHDRAWAL_ENTRIES});
     PERFORM atm_add_daily_usage_v1(p_account_id, p_day, 'WITHDRAWAL', p_amount);
     v_body := jsonb_build_object(
       'transaction', atm_transaction_json_v1(v_posted, p_reference, 'WITHDRAWAL', p_amount, p_account_id, p_ctx.now),
       'notes', v_notes,
       'overdraftTransfer', COALESCE(v_sweep, 'null'::jsonb));
     v_answer := atm_answer_v1(p_ctx, 'WITHDRAWAL', 201, v_body, 'SUCCESS', p_account_id,
       jsonb_build_object('amountCents', p_amount, 'reference', p_reference, 'notes', v_notes)
       || jsonb_strip_nulls(jsonb_build_object('overdraftTransferId', v_sweep->'id')));
     -- The note stock goes last: its rows stay locked only for the moment before commit.
     PERFORM atm_take_notes_v1(v_notes);
     RETURN v_answer;
   END $$`,

  `CREATE FUNCTION atm_transfer_v2(
     p_ctx atm_movement_v1, p_from_account_id uuid, p_to_number text, p_amount bigint, p_memo text,
     p_daily_limit bigint, p_day date, p_reference text, p_sweep_reference text)
   RETURNS jsonb LANGUAGE plpgsql AS $$
   DECLARE
     v_start record;
     v_link uuid;
     v_from accounts%ROWTYPE;
     v_to accounts%ROWTYPE;
     v_to_id uuid;
     v_cover record;
     v_remaining bigint;
     v_memo text := CASE WHEN p_memo IS NULL OR p_memo = '' THEN '' ELSE ': ' || p_memo END;
     v_sweep jsonb;
     v_posted jsonb;
     v_body jsonb;
   BEGIN
     ${sql.movementStart(TRANSFER)}

     ${sql.sameAccount(TRANSFER)}

     ${sql.recipientNotFound(TRANSFER)}

     v_link := atm_lock_with_overdraft_v2(p_from_account_id, v_to_id);
     SELECT * INTO v_from FROM accounts WHERE id = p_from_account_id;
     SELECT * INTO v_to FROM accounts WHERE id = v_to_id;

     ${sql.transferAccountsNotActive(TRANSFER)}

     ${sql.insufficientFundsWithOverdraft(TRANSFER)}

     ${sql.dailyLimitExceeded(TRANSFER, [
       "Every transfer out counts toward the source's limit, to the customer's own accounts",
       "too; the overdraft sweep alone does not count toward the savings account's.",
     ])}

     -- Every rule passed: the sweep first, so the checking balance never goes below zero.
     IF v_cover.sweep > 0 THEN
       v_sweep := atm_overdraft_sweep_v2(p_ctx, v_start.card_id, v_from, v_link, v_cover.sweep, p_sweep_reference);
     END IF;
     v_posted := atm_post_v1(p_reference, 'TRANSFER', p_amount, p_ctx.customer_id, v_start.card_id,
       p_from_account_id, v_to.id, 'Transfer to ' || atm_mask_number_v1(v_to.number) || v_memo,
       CASE WHEN v_memo = '' THEN '{}'::jsonb ELSE jsonb_build_object('memo', p_memo) END
       || jsonb_strip_nulls(jsonb_build_object('overdraftTransferId', v_sweep->'id')), p_ctx.now,
       ${sql.TRANSFER_ENTRIES});
     PERFORM atm_add_daily_usage_v1(p_from_account_id, p_day, 'TRANSFER', p_amount);
     v_body := jsonb_build_object(
       'transaction', atm_transaction_json_v1(v_posted, p_reference, 'TRANSFER', p_amount, p_from_account_id, p_ctx.now)
                      || jsonb_build_object('counterpartyAccountNumber', atm_mask_number_v1(v_to.number)),
       'overdraftTransfer', COALESCE(v_sweep, 'null'::jsonb));
     RETURN atm_answer_v1(p_ctx, 'TRANSFER', 201, v_body, 'SUCCESS', p_from_account_id,
       jsonb_build_object('amountCents', p_amount, 'reference', p_reference, 'toAccountId', v_to.id)
       || jsonb_strip_nulls(jsonb_build_object('overdraftTransferId', v_sweep->'id')));
   END $$`,
];

const DROP_OVERDRAFT_PROTECTION = [
  'DROP FUNCTION IF EXISTS atm_transfer_v2',
  'DROP FUNCTION IF EXISTS atm_withdraw_v2',
  'DROP FUNCTION IF EXISTS atm_overdraft_sweep_v2',
  'DROP FUNCTION IF EXISTS atm_overdraft_cover_v2',
  'DROP FUNCTION IF EXISTS atm_lock_with_overdraft_v2',
  'DROP FUNCTION IF EXISTS atm_accounts_v2',
  'DROP FUNCTION IF EXISTS atm_customer_accounts_v2',
  `ALTER TABLE accounts DROP COLUMN IF EXISTS overdraft_from_account_id`,
];
