import { Module } from '@nestjs/common';
import { AuthModule } from '../auth';
import { type AppConfig, APP_CONFIG } from '../config';
import { AccountsController } from './accounts.controller';
import { AccountsRepository } from './accounts.repository';
import { AccountsService } from './accounts.service';
import { BusinessCalendar } from './business-calendar';
import { CustomersRepository } from './customers.repository';

@Module({
  imports: [AuthModule],
  controllers: [AccountsController],
  providers: [
    AccountsService,
    AccountsRepository,
    CustomersRepository,
    // One calendar for the process, in the configured time zone.
    {
      provide: BusinessCalendar,
      useFactory: (config: AppConfig) => new BusinessCalendar(config.atmTimeZone),
      inject: [APP_CONFIG],
    },
  ],
  exports: [AccountsService, AccountsRepository, CustomersRepository, BusinessCalendar],
})
export class AccountsModule {}
