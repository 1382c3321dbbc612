import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { TransactionsModule } from '../transactions/transactions.module';
import { BankAdminService } from './bank-admin.service';
import { SeedService } from './seed.service';

@Module({
  imports: [AuthModule, TransactionsModule],
  providers: [BankAdminService, SeedService],
  exports: [BankAdminService, SeedService],
})
export class AdminModule {}
