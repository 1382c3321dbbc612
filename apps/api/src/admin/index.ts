// The admin module's public surface: other modules import from here, never a file inside.
export { AdminModule } from './admin.module';
export { type AdminRecordsRemoved, deleteExpiredAdminRecords } from './admin-retention';
export { registerAdminAllowlist } from './admin-allowlist';
export { BankAdminService } from './bank-admin.service';
export { AdminConsoleService } from './console/admin-console.service';
export { auditSubject } from './console/audit-log-entry';
export { OverdraftLinksService } from './overdraft-links.service';
export { SeedService } from './seed.service';
export { AdminRoleGuard, AdminSessionGuard, AdminUsersService } from './identity';
