/** One broken rule: which rule, where, and what to fix. */
export interface Violation {
  rule: string;
  where: string;
  message: string;
}

export const violation = (rule: string, where: string, message: string): Violation => ({
  rule,
  where,
  message,
});
