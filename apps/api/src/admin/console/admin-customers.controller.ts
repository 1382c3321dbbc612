import { Body, Controller, Headers, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { type FastifyReply } from 'fastify';
import {
  type Account,
  type AccountStatus,
  type AdminCardResponse,
  type AdminCustomerResponse,
  type AdminCustomersPage,
} from '@atm/contracts';
import { CardsService } from '../../auth';
import { type AdminActor, AdminApi, DomainError, UuidParamPipe } from '../../common';
import { type Queryable } from '../../database';
import { BankAdminService } from '../bank-admin.service';
import { ActingAdmin, CurrentAdmin, type AdminPrincipal } from '../identity';
import { AdminActionPost, AdminGet, IdempotentAdminPost, sendAdminAnswer } from './admin-answer';
import { AdminConsoleService } from './admin-console.service';
import { AdminIdempotency } from './admin-idempotency';
import { OverdraftLinksService } from '../overdraft-links.service';
import {
  CreateCustomerDto,
  CustomerSearchQueryDto,
  OpenAccountDto,
  OverdraftLinkDto,
} from './dto/admin.dto';

const DEFAULT_PAGE = 20;

/** The contract's Account: the internal customer id stays inside. */
function asAccount({
  customerId: _customerId,
  ...account
}: Account & { customerId: string }): Account {
  return account;
}

/** Customers, their accounts and cards, as an administrator sees and changes them. */
@ApiTags('admin')
@ApiBearerAuth()
@AdminApi()
@Controller('api/v1/admin')
export class AdminCustomersController {
  constructor(
    private readonly console: AdminConsoleService,
    private readonly bank: BankAdminService,
    private readonly cards: CardsService,
    private readonly idempotency: AdminIdempotency,
    private readonly overdraftLinks: OverdraftLinksService,
  ) {}

  @AdminGet(
    'VIEWER',
    'customers',
    'Search customers by name, e-mail, account number or card last four',
  )
  search(@Query() query: CustomerSearchQueryDto): Promise<AdminCustomersPage> {
    return this.console.searchCustomers({
      query: query.query,
      limit: query.limit === undefined ? DEFAULT_PAGE : Number(query.limit),
      cursor: query.cursor,
    });
  }

  @AdminGet('VIEWER', 'customers/:id', "A customer's page (audited as CUSTOMER_VIEWED)")
  async detail(
    @ActingAdmin() actor: AdminActor,
    @Param('id', UuidParamPipe) id: string,
  ): Promise<AdminCustomerResponse> {
    return { customer: await this.console.customerDetail(id, actor) };
  }

  @IdempotentAdminPost('OPERATOR', 'customers', 201, 'Create a customer')
  async createCustomer(
    @CurrentAdmin() admin: AdminPrincipal,
    @ActingAdmin() actor: AdminActor,
    @Body() body: CreateCustomerDto,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<unknown> {
    const answer = await this.idempotency.run(
      { adminUserId: admin.adminUserId, key, operation: 'CREATE_CUSTOMER', target: '', body },
      async (db) => {
        const id = await this.bank.createCustomer(
          { name: body.name, ...(body.email !== undefined ? { email: body.email } : {}) },
          actor,
          db,
        );
        return { status: 201, body: { customer: await this.console.customerById(id, db) } };
      },
    );
    return sendAdminAnswer(reply, answer);
  }

  @IdempotentAdminPost(
    'OPERATOR',
    'customers/:id/accounts',
    201,
    'Open an account at $0.00 (money enters through deposits only)',
  )
  async openAccount(
    @CurrentAdmin() admin: AdminPrincipal,
    @ActingAdmin() actor: AdminActor,
    @Param('id', UuidParamPipe) customerId: string,
    @Body() body: OpenAccountDto,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<unknown> {
    const answer = await this.idempotency.run(
      { adminUserId: admin.adminUserId, key, operation: 'OPEN_ACCOUNT', target: customerId, body },
      async (db) => {
        const opened = await this.bank.openAccount(
          { customerId, type: body.type, openingCents: 0 },
          actor,
          db,
        );
        return { status: 201, body: { account: await this.account(opened.id, db) } };
      },
    );
    return sendAdminAnswer(reply, answer);
  }

  @AdminActionPost('OPERATOR', 'accounts/:id/freeze', 'Freeze an account')
  freeze(
    @ActingAdmin() actor: AdminActor,
    @Param('id', UuidParamPipe) id: string,
  ): Promise<{ account: Account }> {
    return this.setStatus(actor, id, 'FROZEN');
  }

  @AdminActionPost('OPERATOR', 'accounts/:id/unfreeze', 'Unfreeze an account')
  unfreeze(
    @ActingAdmin() actor: AdminActor,
    @Param('id', UuidParamPipe) id: string,
  ): Promise<{ account: Account }> {
    return this.setStatus(actor, id, 'ACTIVE');
  }

  @AdminActionPost(
    'OPERATOR',
    'accounts/:id/close',
    'Close an account (its balance must be zero: ACCOUNT_NOT_EMPTY)',
  )
  close(
    @ActingAdmin() actor: AdminActor,
    @Param('id', UuidParamPipe) id: string,
  ): Promise<{ account: Account }> {
    return this.setStatus(actor, id, 'CLOSED');
  }

  @AdminActionPost(
    'OPERATOR',
    'accounts/:id/overdraft',
    "Link a savings account of the same customer to cover a checking account's shortfalls (null unlinks)",
  )
  async overdraft(
    @ActingAdmin() actor: AdminActor,
    @Param('id', UuidParamPipe) id: string,
    @Body() body: OverdraftLinkDto,
  ): Promise<{ account: Account }> {
    // Setting a link is idempotent by nature (the same request leaves the same state), so,
    // like freeze and close, it needs no Idempotency-Key.
    await this.overdraftLinks.setLink({ id }, body.fromAccountNumber, actor, 'NOT_FOUND');
    return { account: await this.account(id) };
  }

  @AdminActionPost('OPERATOR', 'cards/:id/block', 'Block a card and end its sessions')
  async block(
    @ActingAdmin() actor: AdminActor,
    @Param('id', UuidParamPipe) id: string,
  ): Promise<AdminCardResponse> {
    await this.cards.blockById(id, actor);
    return { card: await this.cards.findByIdAsAdmin(id) };
  }

  @AdminActionPost('OPERATOR', 'cards/:id/unlock', "Clear a card's PIN lockout")
  async unlock(
    @ActingAdmin() actor: AdminActor,
    @Param('id', UuidParamPipe) id: string,
  ): Promise<AdminCardResponse> {
    await this.cards.unlockById(id, actor);
    return { card: await this.cards.findByIdAsAdmin(id) };
  }

  private async setStatus(
    actor: AdminActor,
    id: string,
    target: AccountStatus,
  ): Promise<{ account: Account }> {
    await this.bank.setAccountStatusById(id, target, actor);
    return { account: await this.account(id) };
  }

  private async account(id: string, db?: Queryable): Promise<Account> {
    const account = await this.console.customerAccount(id, db);
    if (!account) throw new DomainError('NOT_FOUND', 'No customer account has that id');
    return asAccount(account);
  }
}
