import { type AccountType } from '@atm/contracts';

/**
 * The contract's demo data. The PINs are weak on purpose and printed in the README;
 * production data never comes from `seed`.
 */
export interface DemoCustomer {
  name: string;
  email: string;
  cardNumber: string;
  pin: string;
  accounts: Array<{ number: string; type: AccountType; openingCents: number }>;
}

export const DEMO_CUSTOMERS: readonly DemoCustomer[] = [
  {
    name: 'Alice Johnson',
    email: 'alice@example.com',
    cardNumber: '4000000000000010',
    pin: '1234',
    accounts: [
      { number: '100000010001', type: 'CHECKING', openingCents: 525_000 },
      { number: '100000010002', type: 'SAVINGS', openingCents: 1_250_000 },
    ],
  },
  {
    name: 'Bob Williams',
    email: 'bob@example.com',
    cardNumber: '4000000000000028',
    pin: '5678',
    accounts: [{ number: '100000020001', type: 'CHECKING', openingCents: 85_075 }],
  },
  {
    name: 'Charlie Davis',
    email: 'charlie@example.com',
    cardNumber: '4000000000000036',
    pin: '9012',
    accounts: [
      { number: '100000030001', type: 'CHECKING', openingCents: 0 },
      { number: '100000030002', type: 'SAVINGS', openingCents: 10_000 },
    ],
  },
];

/** 500 notes of $20, spread over four cassettes as a real ATM holds them. */
export const DEMO_NOTE_STOCK = { denominationCents: 2000, count: 500 } as const;
