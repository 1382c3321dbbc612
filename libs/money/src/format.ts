import { assertSafeCents } from './cents';

const GROUPING = /\B(?=(\d{3})+(?!\d))/g;

/**
 * Formats cents as US dollars, `$1,234.56` or `-$1,234.56`, using integer arithmetic only
 * (no `toFixed`, which works on binary floats).
 */
export function formatCents(cents: number): string {
  assertSafeCents(cents);
  const negative = cents < 0;
  const absolute = negative ? -cents : cents;
  const dollars = Math.trunc(absolute / 100);
  const remainder = absolute % 100;
  const grouped = String(dollars).replace(GROUPING, ',');
  const centsText = remainder < 10 ? `0${remainder}` : String(remainder);
  return `${negative ? '-' : ''}$${grouped}.${centsText}`;
}

/** `+$12.00` for money in, `-$12.00` for money out: the way receipts and histories read. */
export function formatSignedCents(cents: number): string {
  return cents > 0 ? `+${formatCents(cents)}` : formatCents(cents);
}

/**
 * Formats cents as US dollars the way a locale writes them (`en-US` `$1,234.56`, `fr-CA`
 * `1 234,56 $ US`). The amount reaches `Intl` as an exact decimal string built with integer
 * arithmetic, never as a binary float.
 */
export function formatCentsIn(
  locale: string,
  cents: number,
  { wholeDollars = false }: { wholeDollars?: boolean } = {},
): string {
  assertSafeCents(cents);
  const negative = cents < 0;
  const absolute = negative ? -cents : cents;
  const remainder = absolute % 100;
  const decimal = `${negative ? '-' : ''}${Math.trunc(absolute / 100)}.${remainder < 10 ? '0' : ''}${remainder}`;
  return currencyFormat(locale, wholeDollars)(decimal);
}

// Building an Intl.NumberFormat costs far more than formatting with it (a statement of 1,000
// entries spent a third of its rendering time building them), so one is kept per locale.
const currencyFormats = new Map<string, (decimal: string) => string>();

function currencyFormat(locale: string, wholeDollars: boolean): (decimal: string) => string {
  const key = `${locale}|${wholeDollars}`;
  let format = currencyFormats.get(key);
  if (!format) {
    // ES2023 Intl.NumberFormat takes a decimal string exactly; the DOM/ES lib types lag.
    const options: Intl.NumberFormatOptions & { trailingZeroDisplay?: 'stripIfInteger' } = {
      style: 'currency',
      currency: 'USD',
      // `$20` rather than `$20.00` on the fast-cash buttons; cents still show when there are some.
      ...(wholeDollars ? { trailingZeroDisplay: 'stripIfInteger' } : {}),
    };
    const formatter = new Intl.NumberFormat(locale, options);
    format = formatter.format.bind(formatter) as (decimal: string) => string;
    currencyFormats.set(key, format);
  }
  return format;
}
