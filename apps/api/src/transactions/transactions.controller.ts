import { Body, Controller, Headers, HttpCode, Ip, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type FastifyReply } from 'fastify';
import { UuidParamPipe } from '../accounts/uuid-param.pipe';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import { DepositDto, TransferDto, WithdrawalDto } from './dto/movement.dto';
import { assertIdempotencyKeyShape } from './idempotency';
import { type MovementAnswer, MoneyMovementsService } from './money-movements.service';

const IDEMPOTENCY_HEADER = {
  name: 'Idempotency-Key',
  required: true,
  description: '1 to 255 characters of [A-Za-z0-9_.:-]; the same key replays the first answer',
};

/** Sends a recorded answer: the same status and body the first time and on every replay. */
function send(reply: FastifyReply, answer: MovementAnswer): unknown {
  void reply.status(answer.status).header('Cache-Control', 'no-store');
  if (answer.status >= 400)
    void reply.header('Content-Type', 'application/problem+json; charset=utf-8');
  if (answer.replayed) void reply.header('Idempotent-Replayed', 'true');
  return answer.body;
}

@ApiTags('money')
@ApiBearerAuth()
@Controller('api/v1')
export class TransactionsController {
  constructor(private readonly movements: MoneyMovementsService) {}

  @Post('accounts/:id/withdrawals')
  @HttpCode(201)
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiOperation({ summary: 'Withdraw cash: answers the notes dispensed' })
  async withdraw(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParamPipe) accountId: string,
    @Body() body: WithdrawalDto,
    @Headers('idempotency-key') key: string | undefined,
    @Ip() ip: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<unknown> {
    assertIdempotencyKeyShape(key);
    return send(reply, await this.movements.withdraw(principal, accountId, body, key, ip));
  }

  @Post('accounts/:id/deposits')
  @HttpCode(201)
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiOperation({ summary: 'Deposit cash or a check: answers the holds placed' })
  async deposit(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParamPipe) accountId: string,
    @Body() body: DepositDto,
    @Headers('idempotency-key') key: string | undefined,
    @Ip() ip: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<unknown> {
    assertIdempotencyKeyShape(key);
    return send(reply, await this.movements.deposit(principal, accountId, body, key, ip));
  }

  @Post('transfers')
  @HttpCode(201)
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiOperation({ summary: 'Transfer to any active customer account of the bank' })
  async transfer(
    @CurrentPrincipal() principal: Principal,
    @Body() body: TransferDto,
    @Headers('idempotency-key') key: string | undefined,
    @Ip() ip: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<unknown> {
    assertIdempotencyKeyShape(key);
    return send(reply, await this.movements.transfer(principal, body, key, ip));
  }
}
