import { type AdminIdentity } from './admin-types';

export interface AdminSession {
  token: string;
  expiresAt: string;
  admin: AdminIdentity;
}

/**
 * The console's session lives in sessionStorage: it survives a reload of the tab but not
 * the tab itself, is never shared with other tabs' sessions, and never appears in a URL.
 */
const STORAGE_KEY = 'atm-admin-session';

function isSession(value: unknown): value is AdminSession {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<AdminSession>;
  return (
    typeof v.token === 'string' &&
    typeof v.expiresAt === 'string' &&
    typeof v.admin?.username === 'string' &&
    typeof v.admin.role === 'string'
  );
}

export const sessionStore = {
  read(): AdminSession | null {
    try {
      const raw = sessionStorage.getItem(STORAGE_KEY);
      if (!raw) return null;
      const parsed: unknown = JSON.parse(raw);
      return isSession(parsed) ? parsed : null;
    } catch {
      return null;
    }
  },
  write(session: AdminSession): void {
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(session));
  },
  clear(): void {
    sessionStorage.removeItem(STORAGE_KEY);
  },
};
