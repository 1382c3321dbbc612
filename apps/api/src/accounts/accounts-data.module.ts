import { Module } from '@nestjs/common';
import { AccountsRepository } from './accounts.repository';
import { CustomersRepository } from './customers.repository';

/**
 * The accounts module's repositories alone, with no controller or session guard: the
 * statement worker's context imports this, not AccountsModule.
 */
@Module({
  providers: [AccountsRepository, CustomersRepository],
  exports: [AccountsRepository, CustomersRepository],
})
export class AccountsDataModule {}
