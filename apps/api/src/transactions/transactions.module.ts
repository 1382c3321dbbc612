import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { AuthModule } from '../auth/auth.module';
import { CashService } from './cash.service';
import { MoneyMovementsService } from './money-movements.service';
import { TransactionsController } from './transactions.controller';

@Module({
  imports: [AccountsModule, AuthModule],
  controllers: [TransactionsController],
  providers: [CashService, MoneyMovementsService],
  exports: [CashService],
})
export class TransactionsModule {}
