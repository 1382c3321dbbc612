// Admin identity (users, sessions, tokens, guards): what the rest of the admin module uses.
export { AdminAuthService } from './admin-auth.service';
export { ActingAdmin, AdminRoleGuard, CurrentAdmin } from './admin-role.guard';
export { AdminSessionGuard } from './admin-session.guard';
export { type AdminPrincipal } from './admin-sessions.service';
export { AdminUsersService } from './admin-users.service';
