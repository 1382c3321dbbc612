import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource } from 'typeorm';
import { centsFromDatabase } from '@atm/money';
import { AccountsRepository } from '../accounts';
import { AuditService } from '../audit';
import { type AdminActor, Clock, validationFailed } from '../common';
import { type Queryable, execute, inTransaction, queryRows } from '../database';
import { postTransaction } from './ledger-writer';

/**
 * Rows a denomination's stock is spread over. Every withdrawal decrements the stock; with
 * one row per denomination that row would be the hot row every withdrawal queues on (held
 * locked until commit). Spread over 16 rows, concurrent withdrawals rarely meet.
 */
export const CASSETTES_PER_DENOMINATION = 16;
/** Denominations the dispenser can hold: $1 to $100 US notes. */
export const ALLOWED_DENOMINATIONS_CENTS: ReadonlySet<number> = new Set([
  100, 200, 500, 1000, 2000, 5000, 10000,
]);

export interface CashStock {
  notes: Array<{ denominationCents: number; count: number; totalCents: number }>;
  depositBin: { cashDeposits: number; totalCents: number };
}

/** The ATM's note stock (what it can dispense) and its deposit bin (never dispensed). */
@Injectable()
export class CashService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly accounts: AccountsRepository,
  ) {}

  /**
   * The dispenser as the machine counts it (notes in the cassettes) against what the ledger
   * says it holds: notes loaded from the vault less cash withdrawn, reversals included; the
   * deposit bin is apart. The two differ only when the device and the ledger disagree.
   */
  async balancing(
    db: Queryable = this.dataSource,
  ): Promise<{ stockCents: number; ledgerCents: number }> {
    const [row] = await queryRows<{ stock: string | null; ledger: string | null }>(
      db,
      `SELECT (SELECT SUM(note_count::bigint * denomination_cents) FROM note_cassettes) AS stock,
              (SELECT -SUM(e.amount_cents)
                 FROM ledger_entries e JOIN ledger_transactions t ON t.id = e.transaction_id
                WHERE e.account_id = (SELECT id FROM accounts WHERE kind = 'INTERNAL' AND type = 'ATM_CASH')
                  AND t.type IN ('CASH_LOAD', 'WITHDRAWAL')) AS ledger`,
    );
    return {
      stockCents: centsFromDatabase(row?.stock ?? '0'),
      ledgerCents: centsFromDatabase(row?.ledger ?? '0'),
    };
  }

  /** How many cassettes the dispenser has (none before its first load). */
  async cassetteCount(): Promise<number> {
    const [row] = await queryRows<{ count: string }>(
      this.dataSource,
      `SELECT count(*) AS count FROM note_cassettes`,
    );
    return Number(row?.count ?? 0);
  }

  async stock(db: Queryable = this.dataSource): Promise<CashStock> {
    const notes = await queryRows<{ denomination_cents: number; count: string }>(
      db,
      `SELECT denomination_cents, SUM(note_count) AS count FROM note_cassettes
        GROUP BY denomination_cents ORDER BY denomination_cents DESC`,
    );
    // The bin is derived from the ledger: every cash deposit put its notes there.
    const [bin] = await queryRows<{ deposits: string; total: string | null }>(
      db,
      `SELECT count(*) AS deposits, SUM(amount_cents) AS total FROM ledger_transactions
        WHERE type = 'DEPOSIT' AND details->>'kind' = 'CASH'`,
    );
    return {
      notes: notes.map((n) => {
        const count = Number(n.count);
        return {
          denominationCents: n.denomination_cents,
          count,
          totalCents: count * n.denomination_cents,
        };
      }),
      depositBin: {
        cashDeposits: Number(bin?.deposits ?? 0),
        totalCents: centsFromDatabase(bin?.total ?? '0'),
      },
    };
  }

  /** Adds notes of one denomination, spread evenly over its cassettes. */
  async load(
    denominationCents: number,
    count: number,
    actor: AdminActor,
    db?: Queryable,
  ): Promise<CashStock> {
    if (!ALLOWED_DENOMINATIONS_CENTS.has(denominationCents)) {
      throw validationFailed([
        {
          field: 'denomination-cents',
          message: `must be one of ${[...ALLOWED_DENOMINATIONS_CENTS].join(', ')}`,
        },
      ]);
    }
    if (!Number.isSafeInteger(count) || count < 1 || count > 100_000) {
      throw validationFailed([
        { field: 'count', message: 'must be a whole number from 1 to 100000' },
      ]);
    }
    const work = async (runner: Queryable) => {
      // Creates the denomination's cassettes if it has none; a concurrent load of the same
      // new denomination waits on the unique slot and then inserts nothing. (NOT EXISTS keeps
      // ordinary loads from drawing ids off the sequence only to discard them.)
      await runner.query(
        `INSERT INTO note_cassettes (denomination_cents, slot, note_count)
         SELECT $1, slot, 0 FROM generate_series(0, $2::int - 1) AS slot
          WHERE NOT EXISTS (SELECT 1 FROM note_cassettes WHERE denomination_cents = $1)
         ON CONFLICT (denomination_cents, slot) DO NOTHING`,
        [denominationCents, CASSETTES_PER_DENOMINATION],
      );
      const cassettes = await queryRows<{ id: number }>(
        runner,
        `SELECT id FROM note_cassettes WHERE denomination_cents = $1 ORDER BY id FOR UPDATE`,
        [denominationCents],
      );
      const share = Math.floor(count / cassettes.length);
      let extra = count % cassettes.length;
      for (const cassette of cassettes) {
        const add = share + (extra > 0 ? 1 : 0);
        extra -= extra > 0 ? 1 : 0;
        if (add > 0)
          await execute(
            runner,
            `UPDATE note_cassettes SET note_count = note_count + $2 WHERE id = $1`,
            [cassette.id, add],
          );
      }
      // The notes come out of the bank's vault and into the ATM: a ledger transaction between
      // the two internal accounts (the ATM's asset grows, so its entry is negative).
      const amountCents = denominationCents * count;
      const { atm, vault } = await this.accounts.cashAccountIds(runner);
      const posted = await postTransaction(runner, {
        type: 'CASH_LOAD',
        amountCents,
        accountId: atm,
        counterpartyAccountId: vault,
        description: 'Notes loaded into the ATM',
        details: { denominationCents, count, actor: actor.actor },
        at: this.clock.now(),
        postings: [
          {
            accountId: atm,
            amountCents: -amountCents,
            entryType: 'CASH_LOAD',
            description: 'Notes loaded from the vault',
            hasRunningBalance: false,
          },
          {
            accountId: vault,
            amountCents,
            entryType: 'CASH_LOAD',
            description: 'Notes loaded into the ATM',
            hasRunningBalance: false,
          },
        ],
      });
      await this.audit.recordAdminAction(
        'CASH_LOADED',
        actor,
        { details: { denominationCents, count, reference: posted.reference } },
        runner,
      );
      return this.stock(runner);
    };
    return db ? work(db) : inTransaction(this.dataSource, work);
  }
}
