import { Module } from '@nestjs/common';
import { AuthModule } from '../auth';
import { AccountsDataModule } from './accounts-data.module';
import { AccountsController } from './accounts.controller';
import { AccountsService } from './accounts.service';

@Module({
  imports: [AuthModule, AccountsDataModule],
  controllers: [AccountsController],
  providers: [AccountsService],
  exports: [AccountsService, AccountsDataModule],
})
export class AccountsModule {}
