import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts';
import { AuthModule } from '../auth';
import { CashService } from './cash.service';
import { MoneyMovementsService } from './money-movements.service';
import { ReceiptPdfRenderer } from './receipt-pdf-renderer';
import { ReceiptService } from './receipt.service';
import { ReceiptsController } from './receipts.controller';
import { ReversalsService } from './reversals.service';
import { TransactionsController } from './transactions.controller';

@Module({
  imports: [AccountsModule, AuthModule],
  controllers: [TransactionsController, ReceiptsController],
  providers: [
    CashService,
    MoneyMovementsService,
    ReceiptService,
    ReceiptPdfRenderer,
    ReversalsService,
  ],
  exports: [CashService, ReversalsService],
})
export class TransactionsModule {}
