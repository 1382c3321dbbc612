import { useCallback, useState } from 'react';

/**
 * Page through a cursor-paged list: the cursors of the pages already seen are kept, so
 * "Previous page" goes back without the API having to page backwards.
 */
export function useCursorPages() {
  const [cursors, setCursors] = useState<Array<string | null>>([null]);
  const cursor = cursors[cursors.length - 1] ?? null;
  const next = useCallback((nextCursor: string | null) => {
    if (nextCursor) setCursors((seen) => [...seen, nextCursor]);
  }, []);
  const previous = useCallback(() => {
    setCursors((seen) => (seen.length > 1 ? seen.slice(0, -1) : seen));
  }, []);
  const restart = useCallback(() => setCursors([null]), []);
  return { cursor, page: cursors.length, hasPrevious: cursors.length > 1, next, previous, restart };
}

/** Where a cursor-paged list is: what `useCursorPages` returns. */
export type CursorPages = ReturnType<typeof useCursorPages>;
