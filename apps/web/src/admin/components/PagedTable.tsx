import { type Page } from '../api/admin-types';
import { errorText } from '../api/errors';
import { type CursorPages } from '../api/useCursorPages';
import { strings } from '../strings';
import { Alert } from './Alert';
import { DataTable, type DataTableProps } from './DataTable';
import { Pagination } from './Pagination';

export interface PagedTableProps<T> extends Omit<DataTableProps<T>, 'rows'> {
  /** The query for the page being shown (keeping the previous page while the next loads). */
  query: { isPending: boolean; error: unknown; data: Page<T> | undefined };
  pages: CursorPages;
}

/**
 * One page of a cursor-paged list: why it failed, "Loading…" until the first page comes,
 * then its rows as a table and the buttons to the previous and next pages.
 */
export function PagedTable<T>({ query, pages, ...table }: PagedTableProps<T>) {
  const nextCursor = query.data?.nextCursor ?? null;
  return (
    <>
      <Alert message={errorText(query.error)} />
      {query.isPending ? (
        <p>{strings.common.loading}</p>
      ) : (
        <>
          <DataTable<T> {...table} rows={query.data?.items ?? []} />
          <Pagination
            page={pages.page}
            hasPrevious={pages.hasPrevious}
            hasNext={Boolean(nextCursor)}
            onPrevious={pages.previous}
            onNext={() => pages.next(nextCursor)}
          />
        </>
      )}
    </>
  );
}
