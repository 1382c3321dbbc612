import { type AccountsResponse, type EntriesPage, type LoginResponse } from '@atm/contracts';

/** Checks the server's own view, outside the browser (a separate session). */
export async function apiAs(baseUrl: string, cardNumber: string, pin: string) {
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ cardNumber, pin }),
  });
  if (!login.ok) throw new Error(`login failed: ${login.status}`);
  const { accessToken } = (await login.json()) as LoginResponse;
  const get = async <T>(path: string): Promise<T> => {
    const response = await fetch(`${baseUrl}/api/v1${path}`, {
      headers: { authorization: `Bearer ${accessToken}` },
    });
    if (!response.ok) throw new Error(`${path}: ${response.status}`);
    return (await response.json()) as T;
  };
  return {
    accounts: async () => (await get<AccountsResponse>('/accounts')).accounts,
    entries: (accountId: string) =>
      get<EntriesPage>(`/accounts/${accountId}/transactions?limit=50`),
  };
}
