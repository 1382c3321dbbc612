import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type EntriesPage } from '@atm/contracts';
import { CurrentPrincipal, type Principal } from '../auth';
import { UuidParamPipe } from '../common';
import { AccountHistoryService } from './account-history.service';
import { HistoryQueryDto } from './dto/history-query.dto';

/** GET /accounts/:id/transactions, served by the module that owns the ledger. */
@ApiTags('accounts')
@ApiBearerAuth()
@Controller('api/v1/accounts')
export class AccountHistoryController {
  constructor(private readonly accountHistory: AccountHistoryService) {}

  @Get(':id/transactions')
  @ApiOperation({ summary: 'Ledger entries, newest first, with running balance' })
  history(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParamPipe) id: string,
    @Query() query: HistoryQueryDto,
  ): Promise<EntriesPage> {
    return this.accountHistory.history(principal.customerId, id, query);
  }
}
