import { type AccountsResponse, type Account } from '@atm/contracts';
import { type TestApp } from './test-app';

export async function accountsOf(t: TestApp, token: string): Promise<Account[]> {
  const response = await t.request<AccountsResponse>('GET', '/api/v1/accounts', { token });
  if (response.status !== 200) throw new Error(`accounts: ${response.status} ${response.text}`);
  return response.body.accounts;
}

export async function accountByNumber(t: TestApp, token: string, number: string): Promise<Account> {
  const account = (await accountsOf(t, token)).find((a) => a.number === number);
  if (!account) throw new Error(`no account ${number}`);
  return account;
}

let keyCounter = 0;
/** A fresh Idempotency-Key. */
export function newKey(prefix = 'k'): string {
  keyCounter += 1;
  return `${prefix}-${process.pid}-${Date.now()}-${keyCounter}`;
}
