import { Body, Controller, Headers, HttpCode, Ip, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type FastifyReply } from 'fastify';
import { UuidParamPipe } from '../accounts/uuid-param.pipe';
import { CurrentSessionClaims, type SessionClaims } from '../auth/principal';
import { SessionCheckedByCall } from '../auth/session-checked-by-call';
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
  @SessionCheckedByCall()
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiOperation({ summary: 'Withdraw cash: answers the notes dispensed' })
  async withdraw(
    @CurrentSessionClaims() session: SessionClaims,
    @Param('id', UuidParamPipe) accountId: string,
    @Body() body: WithdrawalDto,
    @Headers('idempotency-key') key: string | undefined,
    @Ip() ip: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<unknown> {
    assertIdempotencyKeyShape(key);
    return send(reply, await this.movements.withdraw(session, accountId, body, key, ip));
  }

  @Post('accounts/:id/deposits')
  @HttpCode(201)
  @SessionCheckedByCall()
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiOperation({ summary: 'Deposit cash or a check: answers the holds placed' })
  async deposit(
    @CurrentSessionClaims() session: SessionClaims,
    @Param('id', UuidParamPipe) accountId: string,
    @Body() body: DepositDto,
    @Headers('idempotency-key') key: string | undefined,
    @Ip() ip: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<unknown> {
    assertIdempotencyKeyShape(key);
    return send(reply, await this.movements.deposit(session, accountId, body, key, ip));
  }

  @Post('transfers')
  @HttpCode(201)
  @SessionCheckedByCall()
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiOperation({ summary: 'Transfer to any active customer account of the bank' })
  async transfer(
    @CurrentSessionClaims() session: SessionClaims,
    @Body() body: TransferDto,
    @Headers('idempotency-key') key: string | undefined,
    @Ip() ip: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<unknown> {
    assertIdempotencyKeyShape(key);
    return send(reply, await this.movements.transfer(session, body, key, ip));
  }
}
