import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts';
import { AuthModule } from '../auth';
import { StatementProcessingModule } from '../statements';
import { TransactionsModule } from '../transactions';
import { BankAdminService } from './bank-admin.service';
import { AdminAuthController } from './console/admin-auth.controller';
import { AdminConsoleService } from './console/admin-console.service';
import { AdminCustomersController } from './console/admin-customers.controller';
import { AdminIdempotency } from './console/admin-idempotency';
import { AdminOperationsController } from './console/admin-operations.controller';
import { DemoCustomersSeeder } from './demo-customers.seeder';
import { AdminAuthService } from './identity/admin-auth.service';
import { AdminCredentialCheck } from './identity/admin-credential-check';
import { AdminCredentials } from './identity/admin-credentials';
import { AdminLoginAttempts } from './identity/admin-login-attempts';
import { AdminRoleGuard } from './identity/admin-role.guard';
import { AdminSessionGuard } from './identity/admin-session.guard';
import { AdminSessionsService } from './identity/admin-sessions.service';
import { AdminTokens } from './identity/admin-tokens';
import { AdminUsersService } from './identity/admin-users.service';
import { OverdraftLinksService } from './overdraft-links.service';
import { SeedService } from './seed.service';

/** What administrators do: the CLI's services, their identities, and the admin API. */
@Module({
  imports: [AuthModule, AccountsModule, StatementProcessingModule, TransactionsModule],
  controllers: [AdminAuthController, AdminCustomersController, AdminOperationsController],
  providers: [
    BankAdminService,
    SeedService,
    DemoCustomersSeeder,
    AdminCredentials,
    AdminCredentialCheck,
    AdminLoginAttempts,
    AdminUsersService,
    AdminSessionsService,
    AdminTokens,
    AdminAuthService,
    AdminSessionGuard,
    AdminRoleGuard,
    AdminConsoleService,
    AdminIdempotency,
    OverdraftLinksService,
  ],
  exports: [
    BankAdminService,
    OverdraftLinksService,
    SeedService,
    AdminUsersService,
    AdminSessionGuard,
    AdminRoleGuard,
  ],
})
export class AdminModule {}
