import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { AccountsModule } from './accounts/accounts.module';
import { AdminModule } from './admin/admin.module';
import { AdminRoleGuard } from './admin/identity/admin-role.guard';
import { AdminSessionGuard } from './admin/identity/admin-session.guard';
import { AuthModule } from './auth/auth.module';
import { SessionBeforeShapeInterceptor } from './auth/session-checked-by-call';
import { SessionGuard } from './auth/session.guard';
import { ProblemDetailsFilter } from './common/problem-details.filter';
import { QueryParametersInterceptor } from './common/query-parameters.interceptor';
import { StrictValidationPipe } from './common/validation.pipe';
import { CoreModule, type CoreOptions } from './core.module';
import { HealthModule } from './health/health.module';
import { HousekeepingModule } from './housekeeping/housekeeping.module';
import { LoggingModule } from './logging/logging.module';
import { MaintenanceGuard } from './maintenance/maintenance.guard';
import { MetricsModule } from './metrics/metrics.module';
import { AtmThrottlerGuard } from './rate-limit/atm-throttler.guard';
import { RateLimitModule } from './rate-limit/rate-limit.module';
import { StatementsModule } from './statements/statements.module';
import { TransactionsModule } from './transactions/transactions.module';

/**
 * The HTTP application. Global guards run in the contract's order: maintenance (503, never
 * on the admin API), rate limit (429), authentication (401: customer sessions, or admin
 * sessions on the admin API), the admin role (403); then unknown query parameters and the
 * validation pipe (400); then the services (ownership 404, idempotency, business rules).
 * ADMIN_ALLOWLIST answers 404 before all of them (an onRequest hook, see admin-allowlist.ts).
 */
@Module({})
export class AppModule {
  static forRoot(options: CoreOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(options),
        LoggingModule.forRoot(options.config, options.logDestination),
        RateLimitModule,
        HealthModule,
        MetricsModule,
        HousekeepingModule,
        AuthModule,
        AccountsModule,
        TransactionsModule,
        StatementsModule,
        AdminModule,
      ],
      providers: [
        ProblemDetailsFilter,
        { provide: APP_FILTER, useExisting: ProblemDetailsFilter },
        { provide: APP_PIPE, useClass: StrictValidationPipe },
        { provide: APP_GUARD, useExisting: MaintenanceGuard },
        { provide: APP_GUARD, useClass: AtmThrottlerGuard },
        { provide: APP_GUARD, useExisting: SessionGuard },
        { provide: APP_GUARD, useExisting: AdminSessionGuard },
        { provide: APP_GUARD, useExisting: AdminRoleGuard },
        // Outermost, so a 400 from anything inside (query parameters, pipes, the handler)
        // on a route whose session is checked by its call still answers 401 first.
        { provide: APP_INTERCEPTOR, useClass: SessionBeforeShapeInterceptor },
        { provide: APP_INTERCEPTOR, useClass: QueryParametersInterceptor },
      ],
    };
  }
}
