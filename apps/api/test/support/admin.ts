import { type AdminLoginResponse, type AdminRole, type ProblemDetails } from '@atm/contracts';
import { AdminUsersService } from '../../src/admin/identity/admin-users.service';
import { totpCodeAt } from '../../src/admin/identity/totp';
import { type ManualClock } from '../../src/common/clock';
import { type TestApp, type TestResponse } from './test-app';

export const ADMIN_LOGIN = '/api/v1/admin/auth/login';
export const DEMO_ADMIN_LOGIN = { username: 'admin', password: 'demo-admin-password' } as const;

export interface TestAdmin {
  username: string;
  password: string;
  role: AdminRole;
  secret: string;
}

/** An administrator made as the CLI makes one; the secret is read from the enrollment URI. */
export async function createAdmin(
  t: TestApp,
  username: string,
  role: AdminRole,
): Promise<TestAdmin> {
  const password = `${username}-password-long-enough`;
  const created = await t.app
    .get(AdminUsersService)
    .create({ username, role, password }, { actor: 'cli:test' });
  const secret = new URL(created.enrollmentUri).searchParams.get('secret');
  if (!secret) throw new Error('the enrollment URI has no secret');
  return { username, password, role, secret };
}

export function adminLogin(
  t: TestApp,
  body: { username: string; password: string; totp?: string },
  ip?: string,
): Promise<TestResponse<AdminLoginResponse & ProblemDetails>> {
  return t.request<AdminLoginResponse & ProblemDetails>('POST', ADMIN_LOGIN, {
    body,
    ...(ip ? { ip } : {}),
  });
}

/**
 * Signs in with the code of the clock's current step, then moves the clock on one step so
 * the next sign-in of the same administrator has a fresh code (a used step is refused).
 */
export async function adminToken(
  t: TestApp,
  clock: ManualClock,
  admin: TestAdmin,
): Promise<string> {
  const response = await adminLogin(t, {
    username: admin.username,
    password: admin.password,
    totp: totpCodeAt(admin.secret, clock.now()),
  });
  clock.advanceSeconds(30);
  if (response.status !== 200)
    throw new Error(`admin sign-in failed: ${response.status} ${response.text}`);
  return response.body.token;
}

export async function demoAdminToken(t: TestApp): Promise<string> {
  const response = await adminLogin(t, DEMO_ADMIN_LOGIN);
  if (response.status !== 200)
    throw new Error(`demo admin sign-in failed: ${response.status} ${response.text}`);
  return response.body.token;
}
