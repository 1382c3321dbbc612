import { UuidParamPipe } from '../common';
import {
  Body,
  Headers,
  Controller,
  Get,
  Header,
  HttpCode,
  Ip,
  Param,
  Post,
  Res,
  StreamableFile,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { type StatementResponse } from '@atm/contracts';
import { type FastifyReply } from 'fastify';
import { pickLanguage } from '../i18n';
import { CurrentPrincipal, type Principal } from '../auth';
import { StatementRequestDto } from './dto/statement-request.dto';
import { StatementsService } from './statements.service';

@ApiTags('statements')
@ApiBearerAuth()
@Controller('api/v1')
export class StatementsController {
  constructor(private readonly statements: StatementsService) {}

  @Post('accounts/:id/statements')
  @HttpCode(202)
  @ApiOperation({ summary: 'Request a PDF statement of a period; it is made in the background' })
  async request(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParamPipe) accountId: string,
    @Body() body: StatementRequestDto,
    @Ip() ip: string,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StatementResponse> {
    const statement = await this.statements.request(
      principal,
      accountId,
      { ...body, language: body.language ?? pickLanguage(acceptLanguage) },
      ip,
    );
    void reply.header('Location', `/api/v1/statements/${statement.id}`);
    return { statement };
  }

  @Get('statements/:id')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'A statement and its state (PENDING, PROCESSING, READY, FAILED)' })
  async get(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParamPipe) id: string,
  ): Promise<StatementResponse> {
    return { statement: await this.statements.get(principal.customerId, id) };
  }

  @Get('statements/:id/pdf')
  @Header('Cache-Control', 'private, no-store')
  @ApiProduces('application/pdf')
  @ApiOperation({ summary: 'Download a READY statement (409 STATEMENT_NOT_READY before)' })
  async pdf(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParamPipe) id: string,
  ): Promise<StreamableFile> {
    const file = await this.statements.download(principal.customerId, id);
    return new StreamableFile(file.stream, {
      type: 'application/pdf',
      disposition: `attachment; filename="${file.fileName}"`,
      ...(file.length !== undefined ? { length: file.length } : {}),
    });
  }
}
