import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The whole domain of the architecture page. Money is bigint cents. Internal accounts
 * (the bank's own: ATM cash, check clearing, equity) keep no running balance: their
 * balance is the sum of their entries, so no customer movement ever waits on one of their
 * rows (see ledger-writer.ts).
 */
export class InitialSchema1732000000000 implements MigrationInterface {
  name = 'InitialSchema1732000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE customers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        email text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);

    await queryRunner.query(`
      CREATE TABLE accounts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        number text NOT NULL UNIQUE CHECK (number ~ '^[0-9]{12}$'),
        customer_id uuid REFERENCES customers(id),
        kind text NOT NULL CHECK (kind IN ('CUSTOMER', 'INTERNAL')),
        type text NOT NULL CHECK (type IN ('CHECKING', 'SAVINGS', 'ATM_CASH', 'CHECK_CLEARING', 'BANK_EQUITY')),
        status text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'FROZEN', 'CLOSED')),
        balance_cents bigint,
        currency char(3) NOT NULL DEFAULT 'USD',
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT accounts_customer_has_owner CHECK ((kind = 'CUSTOMER') = (customer_id IS NOT NULL)),
        CONSTRAINT accounts_customer_type CHECK ((kind = 'CUSTOMER') = (type IN ('CHECKING', 'SAVINGS'))),
        CONSTRAINT accounts_running_balance_only_for_customers CHECK ((kind = 'CUSTOMER') = (balance_cents IS NOT NULL)),
        CONSTRAINT accounts_customer_balance_not_negative CHECK (balance_cents IS NULL OR balance_cents >= 0)
      )`);
    await queryRunner.query(`CREATE INDEX accounts_customer_idx ON accounts (customer_id)`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX accounts_one_internal_per_type ON accounts (type) WHERE kind = 'INTERNAL'`,
    );

    await queryRunner.query(`
      CREATE TABLE cards (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        customer_id uuid NOT NULL REFERENCES customers(id),
        number_hash text NOT NULL UNIQUE,
        last4 char(4) NOT NULL CHECK (last4 ~ '^[0-9]{4}$'),
        pin_hash text NOT NULL,
        status text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'BLOCKED')),
        failed_pin_attempts integer NOT NULL DEFAULT 0 CHECK (failed_pin_attempts >= 0),
        locked_until timestamptz,
        pin_changed_at timestamptz NOT NULL DEFAULT now(),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX cards_customer_idx ON cards (customer_id)`);

    // Wrong-PIN counters for card numbers that do not exist, so that an unknown card answers
    // exactly like a real one (attempts remaining, then locked) and never reveals existence.
    await queryRunner.query(`
      CREATE TABLE unknown_card_attempts (
        number_hash text PRIMARY KEY,
        failed_pin_attempts integer NOT NULL DEFAULT 0 CHECK (failed_pin_attempts >= 0),
        locked_until timestamptz,
        updated_at timestamptz NOT NULL
      )`);

    await queryRunner.query(`
      CREATE TABLE sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        card_id uuid NOT NULL REFERENCES cards(id),
        customer_id uuid NOT NULL REFERENCES customers(id),
        created_at timestamptz NOT NULL,
        last_seen_at timestamptz NOT NULL,
        ended_at timestamptz,
        end_reason text CHECK (end_reason IN ('LOGOUT', 'PIN_CHANGED', 'LOCKED', 'BLOCKED', 'PIN_RESET', 'EXPIRED'))
      )`);
    await queryRunner.query(
      `CREATE INDEX sessions_open_by_card_idx ON sessions (card_id) WHERE ended_at IS NULL`,
    );

    await queryRunner.query(`
      CREATE TABLE ledger_transactions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        reference text NOT NULL UNIQUE,
        type text NOT NULL CHECK (type IN ('WITHDRAWAL', 'DEPOSIT', 'TRANSFER', 'OPENING')),
        amount_cents bigint NOT NULL CHECK (amount_cents > 0),
        customer_id uuid REFERENCES customers(id),
        card_id uuid REFERENCES cards(id),
        account_id uuid NOT NULL REFERENCES accounts(id),
        counterparty_account_id uuid REFERENCES accounts(id),
        description text NOT NULL,
        details jsonb NOT NULL DEFAULT '{}'::jsonb,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX ledger_transactions_account_idx ON ledger_transactions (account_id, created_at)`,
    );

    // seq is the ledger order: entries of one account are only written under that account's
    // row lock, so seq order is commit order per account.
    await queryRunner.query(`
      CREATE TABLE ledger_entries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seq bigserial NOT NULL UNIQUE,
        transaction_id uuid NOT NULL REFERENCES ledger_transactions(id),
        account_id uuid NOT NULL REFERENCES accounts(id),
        type text NOT NULL CHECK (type IN ('WITHDRAWAL', 'DEPOSIT', 'TRANSFER_IN', 'TRANSFER_OUT', 'OPENING')),
        amount_cents bigint NOT NULL CHECK (amount_cents <> 0),
        balance_after_cents bigint,
        description text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX ledger_entries_account_seq_idx ON ledger_entries (account_id, seq DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX ledger_entries_account_time_idx ON ledger_entries (account_id, created_at)`,
    );
    await queryRunner.query(
      `CREATE INDEX ledger_entries_transaction_idx ON ledger_entries (transaction_id)`,
    );

    await queryRunner.query(`
      CREATE TABLE deposit_holds (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL REFERENCES accounts(id),
        transaction_id uuid NOT NULL REFERENCES ledger_transactions(id),
        amount_cents bigint NOT NULL CHECK (amount_cents > 0),
        release_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX deposit_holds_account_release_idx ON deposit_holds (account_id, release_at)`,
    );

    // Spent-today counters, one row per account, day and kind, updated under the account's
    // row lock so that concurrent debits can never pass a limit together.
    await queryRunner.query(`
      CREATE TABLE daily_limit_usage (
        account_id uuid NOT NULL REFERENCES accounts(id),
        day date NOT NULL,
        kind text NOT NULL CHECK (kind IN ('WITHDRAWAL', 'TRANSFER')),
        used_cents bigint NOT NULL CHECK (used_cents >= 0),
        PRIMARY KEY (account_id, day, kind)
      )`);

    await queryRunner.query(`
      CREATE TABLE idempotency_records (
        customer_id uuid NOT NULL REFERENCES customers(id),
        key text NOT NULL CHECK (key ~ '^[A-Za-z0-9_.:-]{1,255}$'),
        request_hash text NOT NULL,
        state text NOT NULL CHECK (state IN ('IN_PROGRESS', 'COMPLETED')),
        response_status integer,
        response_body jsonb,
        locked_until timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (customer_id, key)
      )`);
    await queryRunner.query(
      `CREATE INDEX idempotency_records_created_idx ON idempotency_records (created_at)`,
    );

    await queryRunner.query(`
      CREATE TABLE statements (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL REFERENCES accounts(id),
        customer_id uuid NOT NULL REFERENCES customers(id),
        from_date date NOT NULL,
        to_date date NOT NULL,
        status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'PROCESSING', 'READY', 'FAILED')),
        attempts integer NOT NULL DEFAULT 0,
        page_count integer,
        storage_key text,
        failure_reason text,
        enqueued_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        completed_at timestamptz,
        CHECK (from_date <= to_date)
      )`);
    await queryRunner.query(
      `CREATE INDEX statements_unfinished_idx ON statements (account_id) WHERE status IN ('PENDING', 'PROCESSING')`,
    );

    await queryRunner.query(`
      CREATE TABLE audit_events (
        id bigserial PRIMARY KEY,
        occurred_at timestamptz NOT NULL DEFAULT now(),
        type text NOT NULL,
        outcome text NOT NULL CHECK (outcome IN ('SUCCESS', 'FAILURE', 'REFUSED')),
        actor_type text NOT NULL CHECK (actor_type IN ('CUSTOMER', 'ADMIN', 'SYSTEM', 'ANONYMOUS')),
        actor text,
        customer_id uuid,
        card_last4 char(4),
        account_id uuid,
        client_ip text,
        details jsonb NOT NULL DEFAULT '{}'::jsonb
      )`);
    await queryRunner.query(
      `CREATE INDEX audit_events_time_idx ON audit_events (occurred_at DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX audit_events_card_idx ON audit_events (card_last4, id DESC)`,
    );

    // The ATM's note stock. A denomination may sit in several cassettes (as in real ATMs);
    // spreading the stock lets concurrent withdrawals decrement different rows.
    await queryRunner.query(`
      CREATE TABLE note_cassettes (
        id smallint PRIMARY KEY,
        denomination_cents integer NOT NULL CHECK (denomination_cents > 0),
        note_count integer NOT NULL CHECK (note_count >= 0)
      )`);

    await queryRunner.query(`
      CREATE TABLE atm_settings (
        id boolean PRIMARY KEY DEFAULT true CHECK (id),
        maintenance boolean NOT NULL DEFAULT false,
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by text
      )`);
    await queryRunner.query(`INSERT INTO atm_settings (id, maintenance) VALUES (true, false)`);

    // The bank's own accounts exist in every environment; they are never a transfer's
    // recipient (not CUSTOMER) and their balance is derived from their entries.
    await queryRunner.query(`
      INSERT INTO accounts (number, kind, type, balance_cents) VALUES
        ('900000000001', 'INTERNAL', 'ATM_CASH', NULL),
        ('900000000002', 'INTERNAL', 'CHECK_CLEARING', NULL),
        ('900000000003', 'INTERNAL', 'BANK_EQUITY', NULL)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'atm_settings',
      'note_cassettes',
      'audit_events',
      'statements',
      'idempotency_records',
      'daily_limit_usage',
      'deposit_holds',
      'ledger_entries',
      'ledger_transactions',
      'sessions',
      'unknown_card_attempts',
      'cards',
      'accounts',
      'customers',
    ]) {
      await queryRunner.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
