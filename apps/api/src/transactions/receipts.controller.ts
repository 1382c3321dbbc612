import { UuidParamPipe } from '../common';
import { Controller, Get, Headers, Param, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { type FastifyReply } from 'fastify';
import { CurrentPrincipal, type Principal } from '../auth';
import { pickLanguage } from '../i18n';
import { ReceiptService } from './receipt.service';

@ApiTags('money')
@ApiBearerAuth()
@Controller('api/v1')
export class ReceiptsController {
  constructor(private readonly receipts: ReceiptService) {}

  @Get('transactions/:id/receipt')
  @ApiProduces('application/pdf')
  @ApiOperation({
    summary: "A receipt PDF of a transaction the customer made, in the request's language",
  })
  async receipt(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParamPipe) id: string,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const { pdf, fileName } = await this.receipts.pdf(
      principal.customerId,
      id,
      pickLanguage(acceptLanguage),
    );
    void reply.header('Cache-Control', 'private, no-store');
    return new StreamableFile(pdf, {
      type: 'application/pdf',
      disposition: `attachment; filename="${fileName}"`,
      length: pdf.length,
    });
  }
}
