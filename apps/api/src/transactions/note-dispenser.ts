/**
 * Makes up an amount from the notes in stock with the fewest notes. Exhaustive
 * branch-and-bound from the largest denomination down: the first solutions it meets are
 * already small, and any branch that cannot beat the best so far is cut, so it answers at
 * once for real note sets while staying exact for odd stocks (e.g. $60 from $50s and $20s
 * is three $20s, not impossible).
 */

export interface NoteStock {
  denominationCents: number;
  count: number;
}

export interface NotePlan {
  denominationCents: number;
  count: number;
}

export function planFewestNotes(
  amountCents: number,
  stock: readonly NoteStock[],
): NotePlan[] | null {
  if (!Number.isSafeInteger(amountCents) || amountCents <= 0) return null;
  const notes = stock
    .filter((s) => s.count > 0 && s.denominationCents > 0)
    .sort((a, b) => b.denominationCents - a.denominationCents);

  let best: number[] | null = null;
  let bestCount = Number.POSITIVE_INFINITY;
  const counts: number[] = new Array<number>(notes.length).fill(0);

  const search = (index: number, remaining: number, used: number): void => {
    if (remaining === 0) {
      if (used < bestCount) {
        bestCount = used;
        best = [...counts];
      }
      return;
    }
    if (index >= notes.length) return;
    const note = notes[index] as NoteStock;
    // Even using only this (the largest remaining) denomination, we need at least this many.
    if (used + Math.ceil(remaining / note.denominationCents) >= bestCount) return;
    const most = Math.min(note.count, Math.floor(remaining / note.denominationCents));
    for (let take = most; take >= 0; take -= 1) {
      counts[index] = take;
      search(index + 1, remaining - take * note.denominationCents, used + take);
      if (
        used + take + (remaining - take * note.denominationCents > 0 ? 1 : 0) >= bestCount &&
        take < most
      ) {
        // Fewer notes of this denomination only leaves more to make with smaller ones.
        break;
      }
    }
    counts[index] = 0;
  };
  search(0, amountCents, 0);

  const chosen = best as number[] | null;
  if (!chosen) return null;
  return notes
    .map((note, i) => ({ denominationCents: note.denominationCents, count: chosen[i] ?? 0 }))
    .filter((plan) => plan.count > 0);
}
