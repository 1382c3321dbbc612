/** Account numbers are 12 digits, shown to people as `1000-0001-0001`. */
export const ACCOUNT_NUMBER_PATTERN = /^\d{12}$/;

export function formatAccountNumber(number: string): string {
  if (!ACCOUNT_NUMBER_PATTERN.test(number)) return number;
  return `${number.slice(0, 4)}-${number.slice(4, 8)}-${number.slice(8)}`;
}

/** Strips the dashes and spaces a person may type; answers null unless 12 digits remain. */
export function normalizeAccountNumber(input: string): string | null {
  const digits = input.replace(/[\s-]/g, '');
  return ACCOUNT_NUMBER_PATTERN.test(digits) ? digits : null;
}

/** The only form in which another customer's account number leaves the server. */
export function maskAccountNumber(number: string): string {
  return `••••${number.slice(-4)}`;
}
