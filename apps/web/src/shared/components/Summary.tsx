export interface SummaryProps {
  rows: Array<[label: string, value: string]>;
}

export function Summary({ rows }: SummaryProps) {
  return (
    <dl className="summary">
      {rows.map(([label, value], index) => (
        <div key={`${index}-${label}`} className="summary__row">
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
