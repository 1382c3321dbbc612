import { Body, Controller, Headers, Put, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type FastifyReply } from 'fastify';
import { type AdminAuditPage, type AdminDashboard, type AdminMaintenance } from '@atm/contracts';
import { type AdminActor, AdminApi, RequiresRole, UuidParamPipe } from '../../common';
import { MaintenanceService } from '../../maintenance';
import { CashService, ReversalsService } from '../../transactions';
import { ActingAdmin, CurrentAdmin, type AdminPrincipal } from '../identity';
import { AdminGet, IdempotentAdminPost, sendAdminAnswer } from './admin-answer';
import { AdminConsoleService } from './admin-console.service';
import { AdminIdempotency } from './admin-idempotency';
import { AuditQueryDto, CashLoadDto, MaintenanceDto, ReverseDto } from './dto/admin.dto';

const DEFAULT_PAGE = 20;

/** The dashboard, the note stock, maintenance, the audit log and reversals. */
@ApiTags('admin')
@ApiBearerAuth()
@AdminApi()
@Controller('api/v1/admin')
export class AdminOperationsController {
  constructor(
    private readonly console: AdminConsoleService,
    private readonly cash: CashService,
    private readonly maintenance: MaintenanceService,
    private readonly reversals: ReversalsService,
    private readonly idempotency: AdminIdempotency,
  ) {}

  @AdminGet('VIEWER', 'dashboard', "Today's figures, the note stock and cash balancing")
  dashboard(): Promise<AdminDashboard> {
    return this.console.dashboard();
  }

  @IdempotentAdminPost(
    'OPERATOR',
    'cash',
    200,
    'Load notes from the vault into the ATM (a ledger transaction)',
  )
  async loadCash(
    @CurrentAdmin() admin: AdminPrincipal,
    @ActingAdmin() actor: AdminActor,
    @Body() body: CashLoadDto,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<unknown> {
    const answer = await this.idempotency.run(
      { adminUserId: admin.adminUserId, key, operation: 'CASH_LOAD', target: '', body },
      async (db) => {
        const stock = await this.cash.load(body.denominationCents, body.count, actor, db);
        return {
          status: 200,
          body: {
            cash: stock.notes.map((n) => ({
              denominationCents: n.denominationCents,
              count: n.count,
            })),
          },
        };
      },
    );
    return sendAdminAnswer(reply, answer);
  }

  @AdminGet('VIEWER', 'maintenance', 'Whether the ATM is out of service')
  async getMaintenance(): Promise<AdminMaintenance> {
    return { enabled: await this.maintenance.isOn() };
  }

  @RequiresRole('ADMIN')
  @Put('maintenance')
  @ApiOperation({ summary: 'Take the ATM out of or back into service' })
  async setMaintenance(
    @ActingAdmin() actor: AdminActor,
    @Body() body: MaintenanceDto,
  ): Promise<AdminMaintenance> {
    await this.maintenance.setByAdmin(body.enabled, actor);
    return { enabled: body.enabled };
  }

  @AdminGet('VIEWER', 'audit', 'Audit events, newest first, by type, actor and time')
  auditLog(@Query() query: AuditQueryDto): Promise<AdminAuditPage> {
    return this.console.auditLog({
      limit: query.limit === undefined ? DEFAULT_PAGE : Number(query.limit),
      type: query.type,
      actor: query.actor,
      since: query.since === undefined ? undefined : new Date(query.since),
      beforeId: query.cursor,
    });
  }

  @IdempotentAdminPost(
    'ADMIN',
    'transactions/:id/reverse',
    201,
    'Reverse a withdrawal, deposit or transfer with a new offsetting transaction',
  )
  async reverse(
    @CurrentAdmin() admin: AdminPrincipal,
    @ActingAdmin() actor: AdminActor,
    @Param('id', UuidParamPipe) transactionId: string,
    @Body() body: ReverseDto,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<unknown> {
    const answer = await this.idempotency.run(
      { adminUserId: admin.adminUserId, key, operation: 'REVERSE', target: transactionId, body },
      async (db) => ({
        status: 201,
        body: {
          transaction: await this.reversals.reverse(
            db,
            { transactionId, reason: body.reason },
            actor,
          ),
        },
      }),
    );
    return sendAdminAnswer(reply, answer);
  }
}
