import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource } from 'typeorm';
import { AccountsRepository, CustomersRepository } from '../accounts';
import { CardsService } from '../auth';
import { type AdminActor } from '../common';
import { inTransaction } from '../database';
import { BankAdminService } from './bank-admin.service';
import { DEMO_CUSTOMERS } from './demo-data';

export interface DemoCustomersReport {
  customersCreated: number;
  accountsOpened: number;
  cardsIssued: number;
}

/**
 * The contract's demo customers with their cards and accounts, each created only when
 * missing (one transaction a customer), through the same services an administrator uses.
 */
@Injectable()
export class DemoCustomersSeeder {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly admin: BankAdminService,
    private readonly cards: CardsService,
    private readonly accounts: AccountsRepository,
    private readonly customers: CustomersRepository,
  ) {}

  async seed(who: AdminActor): Promise<DemoCustomersReport> {
    const report: DemoCustomersReport = { customersCreated: 0, accountsOpened: 0, cardsIssued: 0 };
    for (const demo of DEMO_CUSTOMERS) {
      await inTransaction(this.dataSource, async (db) => {
        const existingCard = await this.cards.findByNumberHash(
          this.cards.numberHash(demo.cardNumber),
          db,
        );
        let customerId = existingCard?.customerId;
        if (!customerId) {
          customerId = await this.customers.idByNameAndEmail(db, demo.name, demo.email);
        }
        if (!customerId) {
          customerId = await this.admin.createCustomer(
            { name: demo.name, email: demo.email },
            who,
            db,
          );
          report.customersCreated += 1;
        }
        if (!existingCard) {
          await this.cards.issue(
            { customerId, cardNumber: demo.cardNumber, pin: demo.pin, exemptFromPinRules: true },
            who,
            db,
          );
          report.cardsIssued += 1;
        }
        for (const account of demo.accounts) {
          if (await this.accounts.idByNumber(db, account.number)) continue;
          await this.admin.openAccount(
            {
              customerId,
              type: account.type,
              openingCents: account.openingCents,
              number: account.number,
            },
            who,
            db,
          );
          report.accountsOpened += 1;
        }
      });
    }
    return report;
  }
}
