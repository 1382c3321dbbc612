export { formatAccountNumber } from '@atm/contracts';
export { formatCents } from '@atm/money';

/** Whole numbers with the digits grouped: counts of customers, notes, movements. */
export function formatCount(value: number): string {
  return value.toLocaleString('en-US');
}

export function formatInstant(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString('en-US', {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    timeZoneName: 'short',
  });
}

export function formatDate(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleDateString('en-US', { year: 'numeric', month: 'short', day: 'numeric' });
}

export function lastFour(number: string): string {
  return number.slice(-4);
}
