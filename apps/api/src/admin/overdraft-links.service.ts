import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource } from 'typeorm';
import { ACCOUNT_NUMBER_PATTERN, ERROR_TITLES } from '@atm/contracts';
import { AccountsRepository, type CustomerAccountRow } from '../accounts';
import { AuditService } from '../audit';
import { type AdminActor, DomainError, validationFailed } from '../common';
import { inTransaction } from '../database';
import { auditAccountRefusal } from './account-refusal-audit';
import { type LinkedAccountFacts, overdraftLinkRefusal } from './overdraft-link-rules';

type LinkRow = Omit<CustomerAccountRow, 'balance_cents'>;

/** How the checking account is named: by id (the console) or by number (the CLI). */
type CheckingLocator = { id: string } | { number: string };

/**
 * Where the savings account belongs to another customer: the admin API answers 404 (an
 * operator learns nothing about accounts by guessing numbers), the CLI the link refusal.
 */
type ForeignSavingsAnswer = 'NOT_FOUND' | 'INVALID_OVERDRAFT_LINK';

function facts(row: LinkRow): LinkedAccountFacts {
  return { id: row.id, customerId: row.customer_id, type: row.type, status: row.status };
}

/** Links and unlinks a checking account's overdraft protection (admin API and CLI). */
@Injectable()
export class OverdraftLinksService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly accounts: AccountsRepository,
  ) {}

  /**
   * Sets (or, with null, clears) the savings account that covers the checking account's
   * shortfalls. Both rows are locked in id order, as a movement locks them, so a link
   * never changes under a movement that is sweeping, and a savings account cannot be
   * frozen between the check and the link. A refusal is audited after the rollback.
   */
  async setLink(
    locator: CheckingLocator,
    fromAccountNumber: string | null,
    actor: AdminActor,
    foreignSavings: ForeignSavingsAnswer,
  ): Promise<{ id: string; number: string }> {
    if ('number' in locator && !ACCOUNT_NUMBER_PATTERN.test(locator.number))
      throw validationFailed([{ field: 'number', message: 'must be 12 digits' }]);
    if (fromAccountNumber !== null && !ACCOUNT_NUMBER_PATTERN.test(fromAccountNumber))
      throw validationFailed([{ field: 'fromAccountNumber', message: 'must be 12 digits' }]);
    const type = fromAccountNumber === null ? 'OVERDRAFT_UNLINKED' : 'OVERDRAFT_LINKED';
    const seen: { checking?: LinkRow } = {};
    try {
      return await inTransaction(this.dataSource, async (db) => {
        const rows = await this.accounts.lockForOverdraftLink(db, locator, fromAccountNumber);
        const checking = rows.find((r) =>
          'id' in locator ? r.id === locator.id : r.number === locator.number,
        );
        if (!checking)
          throw new DomainError('NOT_FOUND', 'No customer account has that number or id');
        seen.checking = checking;
        let savingsId: string | null = null;
        if (fromAccountNumber !== null) {
          const savings = rows.find((r) => r.number === fromAccountNumber);
          if (
            !savings ||
            (savings.customer_id !== checking.customer_id && foreignSavings === 'NOT_FOUND')
          )
            throw new DomainError('NOT_FOUND', `No account ${fromAccountNumber} of this customer`);
          const refusal = overdraftLinkRefusal(facts(checking), facts(savings));
          if (refusal) throw new DomainError(refusal, ERROR_TITLES[refusal]);
          savingsId = savings.id;
        }
        await this.accounts.setOverdraftSource(db, checking.id, savingsId);
        await this.audit.recordAdminAction(
          type,
          actor,
          {
            customerId: checking.customer_id,
            accountId: checking.id,
            details: savingsId === null ? {} : { fromAccountId: savingsId },
          },
          db,
        );
        return { id: checking.id, number: checking.number };
      });
    } catch (error) {
      await auditAccountRefusal(this.audit, type, actor, seen.checking, error);
      throw error;
    }
  }
}
