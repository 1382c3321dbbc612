import fc from 'fast-check';
import { formatCents } from '@atm/money';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../src/database/data-source-options';
import { queryRows } from '../src/database/transaction';
import { createTestDatabase, type TestDatabase } from './support/test-database';

/**
 * The note split lives in the database (atm_fewest_notes_v1), where the withdrawal that
 * needs it runs: these are its examples and its property, on both engines, against a
 * brute-force reference that tries every combination.
 */
interface NoteStock {
  denominationCents: number;
  count: number;
}

interface NotePlan {
  denominationCents: number;
  count: number;
}

let database: TestDatabase;
let source: DataSource;

beforeAll(async () => {
  database = await createTestDatabase();
  source = new DataSource(
    buildDataSourceOptions(database.target, { poolSize: 1, applicationName: 'atm-test' }),
  );
  await source.initialize();
});

afterAll(async () => {
  await source.destroy();
  await database.drop();
});

async function planFewestNotes(
  amountCents: number,
  stock: NoteStock[],
): Promise<NotePlan[] | null> {
  const [row] = await queryRows<{ plan: NotePlan[] | null }>(
    source,
    `SELECT atm_fewest_notes_v1($1, $2::bigint[], $3::bigint[]) AS plan`,
    [amountCents, stock.map((s) => s.denominationCents), stock.map((s) => s.count)],
  );
  return row?.plan ?? null;
}

/** Tries every combination: the reference the planner must agree with on small stocks. */
function bruteForceFewest(amount: number, stock: NoteStock[]): number | null {
  let best: number | null = null;
  const walk = (i: number, remaining: number, used: number) => {
    if (remaining === 0) {
      if (best === null || used < best) best = used;
      return;
    }
    if (i >= stock.length || remaining < 0) return;
    const note = stock[i];
    for (
      let take = 0;
      take <= note.count && take * note.denominationCents <= remaining;
      take += 1
    ) {
      walk(i + 1, remaining - take * note.denominationCents, used + take);
    }
  };
  walk(0, amount, 0);
  return best;
}

describe('atm_fewest_notes_v1: the fewest notes the stock allows', () => {
  it('pays $100 with five $20 notes from the default stock', async () => {
    expect(await planFewestNotes(10000, [{ denominationCents: 2000, count: 500 }])).toEqual([
      { denominationCents: 2000, count: 5 },
    ]);
  });

  it('prefers larger notes', async () => {
    expect(
      await planFewestNotes(17000, [
        { denominationCents: 2000, count: 100 },
        { denominationCents: 5000, count: 100 },
        { denominationCents: 10000, count: 100 },
      ]),
    ).toEqual([
      { denominationCents: 10000, count: 1 },
      { denominationCents: 5000, count: 1 },
      { denominationCents: 2000, count: 1 },
    ]);
  });

  it('finds combinations greedy would miss', async () => {
    // $60 from $50s and $20s: greedy takes a $50 and is stuck; three $20s work.
    expect(
      await planFewestNotes(6000, [
        { denominationCents: 5000, count: 10 },
        { denominationCents: 2000, count: 10 },
      ]),
    ).toEqual([{ denominationCents: 2000, count: 3 }]);
  });

  it('respects the stock and answers null when nothing makes the amount', async () => {
    expect(await planFewestNotes(10000, [{ denominationCents: 2000, count: 4 }])).toBeNull();
    expect(await planFewestNotes(3000, [{ denominationCents: 2000, count: 10 }])).toBeNull();
    expect(await planFewestNotes(2000, [])).toBeNull();
    expect(await planFewestNotes(0, [{ denominationCents: 2000, count: 10 }])).toBeNull();
  });

  it('uses up to the last notes in stock', async () => {
    expect(await planFewestNotes(10000, [{ denominationCents: 2000, count: 5 }])).toEqual([
      { denominationCents: 2000, count: 5 },
    ]);
  });

  it('always makes the exact amount, within stock, with the fewest notes (property)', async () => {
    const denominations = fc.uniqueArray(fc.constantFrom(100, 200, 500, 1000, 2000, 5000, 10000), {
      minLength: 1,
      maxLength: 4,
    });
    await fc.assert(
      fc.asyncProperty(
        denominations.chain((ds) =>
          fc.tuple(
            fc.constant(ds),
            fc.array(fc.integer({ min: 0, max: 6 }), {
              minLength: ds.length,
              maxLength: ds.length,
            }),
            fc.integer({ min: 1, max: 400 }).map((n) => n * 100),
          ),
        ),
        async ([ds, counts, amount]) => {
          const stock = ds.map((d, i) => ({ denominationCents: d, count: counts[i] ?? 0 }));
          const plan = await planFewestNotes(amount, stock);
          const reference = bruteForceFewest(amount, stock);
          if (reference === null) {
            expect(plan).toBeNull();
            return;
          }
          expect(plan).not.toBeNull();
          const notes = plan ?? [];
          expect(notes.reduce((sum, n) => sum + n.denominationCents * n.count, 0)).toBe(amount);
          expect(notes.reduce((sum, n) => sum + n.count, 0)).toBe(reference);
          for (const n of notes) {
            const inStock = stock.find((s) => s.denominationCents === n.denominationCents);
            expect(n.count).toBeLessThanOrEqual(inStock?.count ?? 0);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('atm_format_cents_v1: refusal details read money as formatCents writes it', () => {
  it.each([0, 5, 99, 100, 2000, 48000, 123456, 100000000, 9007199254740991])(
    '%i',
    async (cents) => {
      const [row] = await queryRows<{ text: string }>(
        source,
        `SELECT atm_format_cents_v1($1) AS text`,
        [cents],
      );
      expect(row?.text).toBe(formatCents(cents));
    },
  );
});
