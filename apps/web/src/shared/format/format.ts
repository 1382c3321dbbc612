import { formatCentsIn } from '@atm/money';
import { intlLocale } from '../i18n/i18n';

/** `YYYY-MM-DD` of a date in the browser's own time zone. */
export function localIsoDate(date: Date): string {
  const y = date.getFullYear();
  const m = String(date.getMonth() + 1).padStart(2, '0');
  const d = String(date.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/**
 * "Today" for a statement's end: the bank's day is in ATM_TIMEZONE, which the browser does
 * not know, so take the earlier of the local and the UTC date; a range ending "after
 * today" would be refused.
 */
export function statementToday(now: Date): string {
  const local = localIsoDate(now);
  const utc = now.toISOString().slice(0, 10);
  return local < utc ? local : utc;
}

/** The date `days` days before an ISO date, as an ISO date. */
export function isoDaysBefore(isoDate: string, days: number): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  const date = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
  date.setUTCDate(date.getUTCDate() - days);
  return date.toISOString().slice(0, 10);
}

export function formatDateTime(iso: string, locale: string = intlLocale()): string {
  return new Date(iso).toLocaleString(locale, {
    month: 'short',
    day: 'numeric',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
  });
}

/** A `YYYY-MM-DD` calendar date as the locale writes it (the day itself, no time zone shift). */
export function formatIsoDate(isoDate: string, locale: string = intlLocale()): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  if (!y || !m || !d) return isoDate;
  return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString(locale, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    timeZone: 'UTC',
  });
}

export function formatDay(iso: string, locale: string = intlLocale()): string {
  return new Date(iso).toLocaleDateString(locale, {
    weekday: 'short',
    month: 'short',
    day: 'numeric',
  });
}

export function formatTime(iso: string, locale: string = intlLocale()): string {
  return new Date(iso).toLocaleTimeString(locale, { hour: 'numeric', minute: '2-digit' });
}

export function formatCountdown(seconds: number): string {
  const s = Math.max(0, Math.ceil(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** Dollars in the session's locale, always USD: `$1,234.56`, `1 234,56 $ US`. */
export function formatMoney(cents: number, locale: string = intlLocale()): string {
  return formatCentsIn(locale, cents);
}

/** `$20`, `20 $ US`: whole dollars without `.00`, as on the fast-cash buttons. */
export function formatDollars(cents: number, locale: string = intlLocale()): string {
  return formatCentsIn(locale, cents, { wholeDollars: true });
}

/** `+$12.00` for money in, `-$12.00` for money out, in the session's locale. */
export function formatSignedMoney(cents: number, locale: string = intlLocale()): string {
  const text = formatCentsIn(locale, cents);
  return cents > 0 ? `+${text}` : text;
}
