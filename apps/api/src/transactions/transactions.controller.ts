import {
  applyDecorators,
  Body,
  Controller,
  createParamDecorator,
  type ExecutionContext,
  HttpCode,
  Param,
  Post,
  Res,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { isErrorCode, type ProblemDetails } from '@atm/contracts';
import { type FastifyReply, type FastifyRequest } from 'fastify';
import { CurrentSessionClaims, type SessionClaims, SessionCheckedByCall } from '../auth';
import { ApiIdempotencyKeyHeader, UuidParamPipe } from '../common';
import { localizeProblem, pickLanguage } from '../i18n';
import { DepositDto, TransferDto, WithdrawalDto } from './dto/movement.dto';
import { assertIdempotencyKeyShape } from './idempotency';
import { type MovementAnswer, MoneyMovementsService } from './money-movements.service';

/**
 * Sends a recorded answer: the same status and body the first time and on every replay. A
 * recorded refusal is kept in English and told in the language of the request that reads
 * it (its `code` and facts never change).
 */
function send(reply: FastifyReply, answer: MovementAnswer, acceptLanguage?: string): unknown {
  void reply.status(answer.status).header('Cache-Control', 'no-store');
  if (answer.replayed) void reply.header('Idempotent-Replayed', 'true');
  if (answer.status >= 400 && isProblem(answer.body)) {
    void reply.header('Content-Type', 'application/problem+json; charset=utf-8');
    return localizeProblem(answer.body, pickLanguage(acceptLanguage));
  }
  return answer.body;
}

function isProblem(body: unknown): body is ProblemDetails {
  return typeof body === 'object' && body !== null && isErrorCode((body as ProblemDetails).code);
}

/** A money-moving route: 201, an Idempotency-Key, and the session checked by the call. */
function MoneyMovementRoute(path: string, summary: string): MethodDecorator {
  return applyDecorators(
    ApiOperation({ summary }),
    ApiIdempotencyKeyHeader(),
    SessionCheckedByCall(),
    HttpCode(201),
    Post(path),
  );
}

/** What a movement takes from its request besides the body: its key, the client, the language. */
interface MovementRequest {
  key: string | undefined;
  ip: string;
  acceptLanguage: string | undefined;
}

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === 'string' ? value : undefined;
}

/** The movement's Idempotency-Key, the client's address and its Accept-Language. */
const Movement = createParamDecorator(
  (_data: unknown, context: ExecutionContext): MovementRequest => {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    return {
      key: header(request, 'idempotency-key'),
      ip: request.ip,
      acceptLanguage: header(request, 'accept-language'),
    };
  },
);

/** Checks the key's shape, then moves the money and sends the (recorded) answer. */
async function moveAndSend(
  reply: FastifyReply,
  { key, ip, acceptLanguage }: MovementRequest,
  move: (key: string | undefined, ip: string) => Promise<MovementAnswer>,
): Promise<unknown> {
  assertIdempotencyKeyShape(key);
  return send(reply, await move(key, ip), acceptLanguage);
}

@ApiTags('money')
@ApiBearerAuth()
@Controller('api/v1')
export class TransactionsController {
  constructor(private readonly movements: MoneyMovementsService) {}

  @MoneyMovementRoute('accounts/:id/withdrawals', 'Withdraw cash: answers the notes dispensed')
  async withdraw(
    @CurrentSessionClaims() session: SessionClaims,
    @Param('id', UuidParamPipe) accountId: string,
    @Body() body: WithdrawalDto,
    @Movement() request: MovementRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<unknown> {
    return moveAndSend(reply, request, (key, ip) =>
      this.movements.withdraw(session, accountId, body, key, ip),
    );
  }

  @MoneyMovementRoute('accounts/:id/deposits', 'Deposit cash or a check: answers the holds placed')
  async deposit(
    @CurrentSessionClaims() session: SessionClaims,
    @Param('id', UuidParamPipe) accountId: string,
    @Body() body: DepositDto,
    @Movement() request: MovementRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<unknown> {
    return moveAndSend(reply, request, (key, ip) =>
      this.movements.deposit(session, accountId, body, key, ip),
    );
  }

  @MoneyMovementRoute('transfers', 'Transfer to any active customer account of the bank')
  async transfer(
    @CurrentSessionClaims() session: SessionClaims,
    @Body() body: TransferDto,
    @Movement() request: MovementRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<unknown> {
    return moveAndSend(reply, request, (key, ip) =>
      this.movements.transfer(session, body, key, ip),
    );
  }
}
