import fc from 'fast-check';
import { type NoteStock, planFewestNotes } from './note-dispenser';

/** Tries every combination: the reference the planner must agree with on small stocks. */
function bruteForceFewest(amount: number, stock: NoteStock[]): number | null {
  let best: number | null = null;
  const walk = (i: number, remaining: number, used: number) => {
    if (remaining === 0) {
      if (best === null || used < best) best = used;
      return;
    }
    if (i >= stock.length || remaining < 0) return;
    const note = stock[i] as NoteStock;
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

describe('planFewestNotes', () => {
  it('pays $100 with five $20 notes from the default stock', () => {
    expect(planFewestNotes(10000, [{ denominationCents: 2000, count: 500 }])).toEqual([
      { denominationCents: 2000, count: 5 },
    ]);
  });

  it('prefers larger notes', () => {
    expect(
      planFewestNotes(17000, [
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

  it('finds combinations greedy would miss', () => {
    // $60 from $50s and $20s: greedy takes a $50 and is stuck; three $20s work.
    expect(
      planFewestNotes(6000, [
        { denominationCents: 5000, count: 10 },
        { denominationCents: 2000, count: 10 },
      ]),
    ).toEqual([{ denominationCents: 2000, count: 3 }]);
  });

  it('respects the stock and answers null when nothing makes the amount', () => {
    expect(planFewestNotes(10000, [{ denominationCents: 2000, count: 4 }])).toBeNull();
    expect(planFewestNotes(3000, [{ denominationCents: 2000, count: 10 }])).toBeNull();
    expect(planFewestNotes(2000, [])).toBeNull();
    expect(planFewestNotes(0, [{ denominationCents: 2000, count: 10 }])).toBeNull();
  });

  it('uses up to the last notes in stock', () => {
    expect(planFewestNotes(10000, [{ denominationCents: 2000, count: 5 }])).toEqual([
      { denominationCents: 2000, count: 5 },
    ]);
  });

  it('always makes the exact amount, within stock, with the fewest notes (property)', () => {
    const denominations = fc.uniqueArray(fc.constantFrom(100, 200, 500, 1000, 2000, 5000, 10000), {
      minLength: 1,
      maxLength: 4,
    });
    fc.assert(
      fc.property(
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
        ([ds, counts, amount]) => {
          const stock = ds.map((d, i) => ({ denominationCents: d, count: counts[i] ?? 0 }));
          const plan = planFewestNotes(amount, stock);
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
      { numRuns: 300 },
    );
  });
});
