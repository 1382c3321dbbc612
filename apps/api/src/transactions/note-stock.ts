import { execute, type Queryable, RetryableConflict } from '../database/transaction';
import { type NotePlan, type NoteStock } from './note-dispenser';

export interface Cassette {
  id: number;
  denominationCents: number;
  noteCount: number;
}

export interface CassetteRow {
  id: number;
  denomination_cents: number;
  note_count: number;
}

/** The rows that still hold notes (read without a lock; see takeNotes). */
export const CASSETTES_SQL = `SELECT id, denomination_cents, note_count FROM note_cassettes WHERE note_count > 0`;

export function toCassette(row: CassetteRow): Cassette {
  return {
    id: Number(row.id),
    denominationCents: Number(row.denomination_cents),
    noteCount: Number(row.note_count),
  };
}

export function totalsByDenomination(cassettes: readonly Cassette[]): NoteStock[] {
  const totals = new Map<number, number>();
  for (const c of cassettes)
    totals.set(c.denominationCents, (totals.get(c.denominationCents) ?? 0) + c.noteCount);
  return [...totals].map(([denominationCents, count]) => ({ denominationCents, count }));
}

/**
 * Takes the planned notes out of the cassettes with guarded UPDATEs (`note_count >= n`).
 * Cassettes are tried in random order so that concurrent withdrawals spread over the rows
 * of a denomination instead of queueing on one. The stock was read without a lock: if
 * another withdrawal took the notes meanwhile, the guard fails and the whole movement is
 * run again with a fresh read. Callers run this last, so the cassette rows stay locked
 * only for the moment before commit.
 */
export async function takeNotes(
  db: Queryable,
  cassettes: readonly Cassette[],
  plan: readonly NotePlan[],
): Promise<void> {
  for (const item of plan) {
    let remaining = item.count;
    const candidates = cassettes
      .filter((c) => c.denominationCents === item.denominationCents)
      .map((c) => ({ c, order: Math.random() }))
      .sort((a, b) => a.order - b.order)
      .map(({ c }) => c);
    for (const cassette of candidates) {
      if (remaining === 0) break;
      const take = Math.min(remaining, cassette.noteCount);
      const updated = await execute(
        db,
        `UPDATE note_cassettes SET note_count = note_count - $2 WHERE id = $1 AND note_count >= $2`,
        [cassette.id, take],
      );
      if (updated === 0) throw new RetryableConflict('the notes were taken by another withdrawal');
      remaining -= take;
    }
    if (remaining > 0) throw new RetryableConflict('not enough notes left in the cassettes');
  }
}
