import { Module } from '@nestjs/common';
import { AuthModule } from '../auth';
import { AccountsController } from './accounts.controller';
import { AccountsRepository } from './accounts.repository';
import { AccountsService } from './accounts.service';
import { CustomersRepository } from './customers.repository';

@Module({
  imports: [AuthModule],
  controllers: [AccountsController],
  providers: [AccountsService, AccountsRepository, CustomersRepository],
  exports: [AccountsService, AccountsRepository, CustomersRepository],
})
export class AccountsModule {}
