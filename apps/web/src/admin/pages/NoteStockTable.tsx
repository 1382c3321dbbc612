import { type NoteCount } from '@atm/contracts';
import { addCents } from '@atm/money';
import { DataTable } from '../components/DataTable';
import { formatCents, formatCount } from '../format';
import { strings } from '../strings';

export interface NoteStockTableProps {
  cash: NoteCount[];
}

/** The dispenser's notes per denomination, largest first, with their value. */
export function NoteStockTable({ cash }: NoteStockTableProps) {
  const rows = [...cash].sort((a, b) => b.denominationCents - a.denominationCents);
  const total = addCents(0, ...rows.map((row) => row.denominationCents * row.count));
  return (
    <>
      <DataTable
        caption={strings.cash.stock}
        captionHidden
        rows={rows}
        rowKey={(row) => String(row.denominationCents)}
        empty={strings.cash.empty}
        columns={[
          { header: strings.cash.denomination, cell: (row) => formatCents(row.denominationCents) },
          { header: strings.cash.count, cell: (row) => formatCount(row.count), numeric: true },
          {
            header: strings.cash.value,
            cell: (row) => formatCents(row.denominationCents * row.count),
            numeric: true,
          },
        ]}
      />
      <p className="admin-total">
        {strings.cash.total}: {formatCents(total)}
      </p>
    </>
  );
}
