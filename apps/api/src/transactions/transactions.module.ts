import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { CashService } from './cash.service';
import { MoneyMovementsService } from './money-movements.service';
import { TransactionsController } from './transactions.controller';

@Module({
  imports: [AccountsModule],
  controllers: [TransactionsController],
  providers: [CashService, MoneyMovementsService],
  exports: [CashService],
})
export class TransactionsModule {}
