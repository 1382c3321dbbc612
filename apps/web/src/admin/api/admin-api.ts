import {
  type AccountAction,
  type AdminAccount,
  type AdminCard,
  type AdminCustomer,
  type AdminDashboard,
  type AdminLoginRequest,
  type AdminLoginResponse,
  type AuditEvent,
  type CardAction,
  type Page,
} from './admin-types';
import { type NoteCount } from '@atm/contracts';
import { adminRequest } from './admin-http';

/** A query string of the parameters that have a value (the API refuses unknown ones). */
export function queryString(params: Record<string, string | number | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(name, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

export const PAGE_SIZE = 20;

export const adminApi = {
  login: (request: AdminLoginRequest) =>
    adminRequest<AdminLoginResponse>('/auth/login', { method: 'POST', body: request, auth: false }),
  logout: () => adminRequest<void>('/auth/logout', { method: 'POST' }),
  dashboard: () => adminRequest<AdminDashboard>('/dashboard', { background: true }),
  customers: (query: string, cursor: string | null) =>
    adminRequest<Page<AdminCustomer>>(
      `/customers${queryString({ query: query.trim(), limit: PAGE_SIZE, cursor })}`,
    ),
  customer: (id: string) =>
    adminRequest<{ customer: AdminCustomer }>(`/customers/${encodeURIComponent(id)}`),
  accountAction: (accountId: string, action: AccountAction) =>
    adminRequest<{ account: AdminAccount }>(
      `/accounts/${encodeURIComponent(accountId)}/${action}`,
      { method: 'POST' },
    ),
  overdraft: (accountId: string, fromAccountNumber: string | null) =>
    adminRequest<{ account: AdminAccount }>(
      `/accounts/${encodeURIComponent(accountId)}/overdraft`,
      { method: 'POST', body: { fromAccountNumber } },
    ),
  cardAction: (cardId: string, action: CardAction) =>
    adminRequest<{ card: AdminCard }>(`/cards/${encodeURIComponent(cardId)}/${action}`, {
      method: 'POST',
    }),
  loadCash: (load: NoteCount, idempotencyKey: string) =>
    adminRequest<{ cash: NoteCount[] }>('/cash', { method: 'POST', body: load, idempotencyKey }),
  maintenance: () => adminRequest<{ enabled: boolean }>('/maintenance'),
  setMaintenance: (enabled: boolean) =>
    adminRequest<{ enabled: boolean }>('/maintenance', { method: 'PUT', body: { enabled } }),
  audit: (filters: { type: string; actor: string }, cursor: string | null) =>
    adminRequest<Page<AuditEvent>>(
      `/audit${queryString({ type: filters.type, actor: filters.actor.trim(), limit: PAGE_SIZE, cursor })}`,
    ),
};
