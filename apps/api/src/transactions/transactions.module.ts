import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts';
import { AuthModule } from '../auth';
import { AccountHistoryController } from './account-history.controller';
import { AccountHistoryService } from './account-history.service';
import { CashService } from './cash.service';
import { LedgerModule } from './ledger.module';
import { MoneyMovementsService } from './money-movements.service';
import { ReceiptPdfRenderer } from './receipt-pdf-renderer';
import { ReceiptService } from './receipt.service';
import { ReceiptsController } from './receipts.controller';
import { ReversalsService } from './reversals.service';
import { TransactionsController } from './transactions.controller';

@Module({
  imports: [AccountsModule, AuthModule, LedgerModule],
  controllers: [TransactionsController, ReceiptsController, AccountHistoryController],
  providers: [
    AccountHistoryService,
    CashService,
    MoneyMovementsService,
    ReceiptService,
    ReceiptPdfRenderer,
    ReversalsService,
  ],
  exports: [CashService, LedgerModule, ReversalsService],
})
export class TransactionsModule {}
