import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The admin console (contract v1.1): administrators as their own users with roles, TOTP and
 * sessions of their own (never a customer's), their sign-in lockout per user name and client
 * address, their idempotency keys; audit events that the database itself refuses to change;
 * and cash loads as ledger transactions from the bank's vault to its ATM cash account, with
 * the note stock already in the machine booked once so that stock and ledger agree from here.
 */
export class AdminConsole1735100000000 implements MigrationInterface {
  name = 'AdminConsole1735100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE admin_users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        username text NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9._-]{3,32}$'),
        password_hash text NOT NULL,
        role text NOT NULL CHECK (role IN ('VIEWER', 'OPERATOR', 'ADMIN')),
        disabled boolean NOT NULL DEFAULT false,
        -- AES-256-GCM under ADMIN_TOTP_KEY; never the secret in clear.
        totp_secret_encrypted text,
        -- The last TOTP time step accepted: a code of that step or an older one is refused.
        totp_last_step bigint,
        -- The seeded demo admin, which may sign in from a loopback address only.
        is_demo boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    await queryRunner.query(`
      CREATE TABLE admin_sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        admin_user_id uuid NOT NULL REFERENCES admin_users(id),
        created_at timestamptz NOT NULL,
        last_seen_at timestamptz NOT NULL,
        ended_at timestamptz,
        end_reason text CHECK (end_reason IN ('LOGOUT', 'DISABLED', 'PASSWORD_RESET', 'ROLE_CHANGED', 'EXPIRED'))
      )`);
    await queryRunner.query(
      `CREATE INDEX admin_sessions_open_by_user_idx ON admin_sessions (admin_user_id) WHERE ended_at IS NULL`,
    );

    // Keyed by the user name as typed (known or not) and the client address, so that failures
    // from one address never lock the same administrator out elsewhere.
    await queryRunner.query(`
      CREATE TABLE admin_login_attempts (
        username text NOT NULL CHECK (length(username) <= 64),
        client_ip text NOT NULL,
        failed_attempts integer NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
        locked_until timestamptz,
        updated_at timestamptz NOT NULL,
        PRIMARY KEY (username, client_ip)
      )`);

    await queryRunner.query(`
      CREATE TABLE admin_idempotency_records (
        admin_user_id uuid NOT NULL REFERENCES admin_users(id),
        key text NOT NULL CHECK (key ~ '^[A-Za-z0-9_.:-]{1,255}$'),
        request_hash text NOT NULL,
        state text NOT NULL CHECK (state IN ('IN_PROGRESS', 'COMPLETED')),
        response_status integer,
        response_body jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (admin_user_id, key)
      )`);
    await queryRunner.query(
      `CREATE INDEX admin_idempotency_records_created_idx ON admin_idempotency_records (created_at)`,
    );

    // Append-only, enforced by the database: whatever the application (or anyone with its
    // role) runs, an audit event cannot be changed or removed.
    await queryRunner.query(`
      CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit events are append-only: % refused', TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER audit_events_refuse_changes BEFORE UPDATE OR DELETE ON audit_events
        FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()`);
    await queryRunner.query(`
      CREATE TRIGGER audit_events_refuse_truncate BEFORE TRUNCATE ON audit_events
        FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only()`);
    await queryRunner.query(`CREATE INDEX audit_events_type_idx ON audit_events (type, id DESC)`);
    await queryRunner.query(`CREATE INDEX audit_events_actor_idx ON audit_events (actor, id DESC)`);

    // The vault the ATM is loaded from, and loads as ledger transactions.
    await queryRunner.query(`ALTER TABLE accounts DROP CONSTRAINT accounts_type_check`);
    await queryRunner.query(`
      ALTER TABLE accounts ADD CONSTRAINT accounts_type_check
        CHECK (type IN ('CHECKING', 'SAVINGS', 'ATM_CASH', 'CHECK_CLEARING', 'BANK_EQUITY', 'BANK_VAULT'))`);
    await queryRunner.query(
      `INSERT INTO accounts (number, kind, type, balance_cents) VALUES ('900000000004', 'INTERNAL', 'BANK_VAULT', NULL)`,
    );
    await queryRunner.query(
      `ALTER TABLE ledger_transactions DROP CONSTRAINT ledger_transactions_type_check`,
    );
    await queryRunner.query(`
      ALTER TABLE ledger_transactions ADD CONSTRAINT ledger_transactions_type_check
        CHECK (type IN ('WITHDRAWAL', 'DEPOSIT', 'TRANSFER', 'OPENING', 'CASH_LOAD'))`);
    await queryRunner.query(`ALTER TABLE ledger_entries DROP CONSTRAINT ledger_entries_type_check`);
    await queryRunner.query(`
      ALTER TABLE ledger_entries ADD CONSTRAINT ledger_entries_type_check
        CHECK (type IN ('WITHDRAWAL', 'DEPOSIT', 'TRANSFER_IN', 'TRANSFER_OUT', 'OPENING', 'CASH_LOAD'))`);

    // A reversal is a new transaction naming the one it offsets; UNIQUE makes "at most one
    // reversal per transaction" a fact of the database, whatever races.
    await queryRunner.query(`
      ALTER TABLE ledger_transactions
        ADD COLUMN reverses_transaction_id uuid UNIQUE REFERENCES ledger_transactions(id)`);

    // Book the notes already in the machine once: what was loaded before loads were ledger
    // transactions is today's stock plus everything withdrawn since (withdrawals credited the
    // ATM cash account). From here the ledger's view of the dispenser equals the stock.
    await queryRunner.query(`
      WITH atm AS (SELECT id FROM accounts WHERE kind = 'INTERNAL' AND type = 'ATM_CASH'),
           vault AS (SELECT id FROM accounts WHERE kind = 'INTERNAL' AND type = 'BANK_VAULT'),
           stock AS (SELECT COALESCE(SUM(note_count::bigint * denomination_cents), 0) AS cents FROM note_cassettes),
           withdrawn AS (
             SELECT COALESCE(SUM(e.amount_cents), 0) AS cents
               FROM ledger_entries e JOIN ledger_transactions t ON t.id = e.transaction_id
              WHERE e.account_id = (SELECT id FROM atm) AND t.type = 'WITHDRAWAL'),
           amount AS (SELECT (SELECT cents FROM stock) + (SELECT cents FROM withdrawn) AS cents),
           tx AS (
             INSERT INTO ledger_transactions (reference, type, amount_cents, account_id, counterparty_account_id, description, details, created_at)
             SELECT upper(substr(md5(random()::text || clock_timestamp()::text), 1, 10)), 'CASH_LOAD', cents,
                    (SELECT id FROM atm), (SELECT id FROM vault), 'Note stock booked at migration',
                    '{"bookedAtMigration": true}'::jsonb, now()
               FROM amount WHERE cents > 0
             RETURNING id, amount_cents)
      INSERT INTO ledger_entries (transaction_id, account_id, type, amount_cents, description, created_at)
      SELECT tx.id, (SELECT id FROM atm), 'CASH_LOAD', -tx.amount_cents, 'Notes loaded from the vault', now() FROM tx
      UNION ALL
      SELECT tx.id, (SELECT id FROM vault), 'CASH_LOAD', tx.amount_cents, 'Notes loaded into the ATM', now() FROM tx`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER IF EXISTS audit_events_refuse_truncate ON audit_events`);
    await queryRunner.query(`DROP TRIGGER IF EXISTS audit_events_refuse_changes ON audit_events`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS audit_events_append_only()`);
    await queryRunner.query(`DROP INDEX IF EXISTS audit_events_type_idx`);
    await queryRunner.query(`DROP INDEX IF EXISTS audit_events_actor_idx`);
    for (const table of [
      'admin_idempotency_records',
      'admin_login_attempts',
      'admin_sessions',
      'admin_users',
    ]) {
      await queryRunner.query(`DROP TABLE IF EXISTS ${table}`);
    }
    // Loads stay in the ledger as history; only the schema additions that no row uses go.
    await queryRunner.query(
      `ALTER TABLE ledger_transactions DROP COLUMN IF EXISTS reverses_transaction_id`,
    );
  }
}
