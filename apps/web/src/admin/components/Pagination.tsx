import { strings } from '../strings';
import { Button } from './Button';

export interface PaginationProps {
  page: number;
  hasPrevious: boolean;
  hasNext: boolean;
  onPrevious: () => void;
  onNext: () => void;
}

/** Previous / next through a cursor-paged list; the page number is announced. */
export function Pagination({ page, hasPrevious, hasNext, onPrevious, onNext }: PaginationProps) {
  return (
    <nav className="admin-pagination" aria-label={strings.common.pagination}>
      <Button onClick={onPrevious} disabled={!hasPrevious}>
        {strings.common.previousPage}
      </Button>
      <span className="admin-pagination__page" aria-live="polite">
        {strings.common.pageNumber(page)}
      </span>
      <Button onClick={onNext} disabled={!hasNext}>
        {strings.common.nextPage}
      </Button>
    </nav>
  );
}
