import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { AccountsModule } from './accounts';
import { AdminModule, AdminRoleGuard, AdminSessionGuard } from './admin';
import { AuthModule, SessionBeforeShapeInterceptor, SessionGuard } from './auth';
import { ProblemDetailsFilter, QueryParametersInterceptor, StrictValidationPipe } from './common';
import { CoreModule, type CoreOptions } from './core.module';
import { HealthModule } from './health';
import { HousekeepingModule } from './housekeeping';
import { LoggingModule } from './logging';
import { MaintenanceGuard } from './maintenance';
import { MetricsModule } from './metrics';
import { AtmThrottlerGuard, RateLimitModule } from './rate-limit';
import { StatementsModule } from './statements';
import { TransactionsModule } from './transactions';

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
