import { UuidParamPipe } from '../common';
import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type AccountResponse, type AccountsResponse, type LimitsResponse } from '@atm/contracts';
import {
  CurrentPrincipal,
  CurrentSessionClaims,
  type Principal,
  type SessionClaims,
  SessionCheckedByCall,
} from '../auth';
import { AccountsService } from './accounts.service';

@ApiTags('accounts')
@ApiBearerAuth()
@Controller('api/v1/accounts')
export class AccountsController {
  constructor(private readonly accounts: AccountsService) {}

  @Get()
  @ApiOperation({ summary: "The signed-in customer's accounts" })
  @SessionCheckedByCall()
  async list(@CurrentSessionClaims() session: SessionClaims): Promise<AccountsResponse> {
    return { accounts: await this.accounts.listForSession(session) };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One account of the signed-in customer' })
  @SessionCheckedByCall()
  async get(
    @CurrentSessionClaims() session: SessionClaims,
    @Param('id', UuidParamPipe) id: string,
  ): Promise<AccountResponse> {
    return { account: await this.accounts.getForSession(session, id) };
  }

  @Get(':id/limits')
  @ApiOperation({ summary: "Today's withdrawal and transfer limits and what is left of them" })
  limits(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParamPipe) id: string,
  ): Promise<LimitsResponse> {
    return this.accounts.limits(principal.customerId, id);
  }
}
