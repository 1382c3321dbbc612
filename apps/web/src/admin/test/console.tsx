import { render } from '@testing-library/react';
import { createQueryClient } from '../../shared/api/query-client';
import { QueryClientProvider } from '@tanstack/react-query';
import { type AdminSession, sessionStore } from '../api/admin-session';
import {
  type AdminCustomer,
  type AdminDashboard,
  type AuditEvent,
  type AdminRole,
} from '../api/admin-types';
import { ConsoleApp } from '../app/ConsoleApp';
import { RouterProvider } from '../app/router';

export const TOKEN = 'admin-test-token';

export function session(role: AdminRole = 'ADMIN'): AdminSession {
  return {
    token: TOKEN,
    expiresAt: '2026-03-02T15:19:05.000Z',
    admin: { username: 'ada', role },
  };
}

/**
 * The whole console at `path` (as the server serves it), signed in unless told otherwise,
 * with a fresh query cache: each test sees only the answers its fake API gives.
 */
export function renderConsole(
  path: string,
  { signedIn = true, role = 'ADMIN' }: { signedIn?: boolean; role?: AdminRole } = {},
) {
  sessionStorage.clear();
  if (signedIn) sessionStore.write(session(role));
  window.history.replaceState(null, '', path);
  const client = createQueryClient();
  client.setDefaultOptions({ queries: { retry: false, refetchOnWindowFocus: false } });
  const result = render(
    <QueryClientProvider client={client}>
      <RouterProvider>
        <ConsoleApp />
      </RouterProvider>
    </QueryClientProvider>,
  );
  return { ...result, client };
}

export const BOB_ID = '44444444-4444-4444-8444-444444444444';

export const BOB: AdminCustomer = {
  id: BOB_ID,
  name: 'Bob Williams',
  email: 'bob@example.com',
  createdAt: '2026-01-05T10:00:00.000Z',
  accounts: [
    {
      id: '55555555-5555-4555-8555-555555555555',
      number: '100000020001',
      type: 'CHECKING',
      balanceCents: 85075,
      availableBalanceCents: 85075,
      currency: 'USD',
      status: 'ACTIVE',
      overdraftFromAccountNumber: null,
    },
  ],
  cards: [{ id: '66666666-6666-4666-8666-666666666666', last4: '0028', status: 'ACTIVE' }],
};

export const ALICE: AdminCustomer = {
  id: '77777777-7777-4777-8777-777777777777',
  name: 'Alice Johnson',
  email: null,
  createdAt: '2026-01-04T10:00:00.000Z',
  accounts: [],
  cards: [],
};

export function dashboard(overrides: Partial<AdminDashboard> = {}): AdminDashboard {
  return {
    customers: 3,
    accounts: 5,
    cards: { active: 2, locked: 1, blocked: 0 },
    cash: [{ denominationCents: 2000, count: 498 }],
    today: { withdrawals: 4, deposits: 2, transfers: 1, failedSignIns: 3 },
    statements: { pending: 1, failed: 0 },
    cashBalancing: { stockCents: 996000, ledgerCents: 996000 },
    ...overrides,
  };
}

export function auditEvent(id: string, type: string, actor: string): AuditEvent {
  return {
    id,
    type,
    actor,
    at: '2026-03-02T15:04:05.000Z',
    details: {
      customerId: 'c0ffee00-0000-4000-8000-000000000001',
      customerName: 'Bob Williams',
      accountId: 'acc00000-0000-4000-8000-000000000001',
      accountNumber: '100000020001',
      outcome: 'REFUSED',
    },
  };
}
