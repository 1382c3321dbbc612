/** The bank as printed on statements and receipts. */
export const BANK = {
  name: 'Harbor Savings Bank',
  address: ['200 Harbor Street', 'Bayport, CA 94000'],
} as const;
