import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource } from 'typeorm';
import { AccountsRepository, CustomersRepository } from '../accounts';
import { CardsService } from '../auth';
import { type AppConfig, APP_CONFIG } from '../config';
import { inTransaction } from '../database';
import { CashService } from '../transactions';
import { BankAdminService } from './bank-admin.service';
import { DEMO_CUSTOMERS, DEMO_NOTE_STOCK } from './demo-data';
import { AdminUsersService } from './identity/admin-users.service';

export interface SeedReport {
  customersCreated: number;
  accountsOpened: number;
  cardsIssued: number;
  notesLoaded: number;
  demoAdminCreated: boolean;
}

/**
 * Creates the contract's demo data (and, outside production, the demo admin). Idempotent: each customer, account, card and the
 * note stock is created only when missing, so running it again changes nothing.
 */
@Injectable()
export class SeedService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly admin: BankAdminService,
    private readonly adminUsers: AdminUsersService,
    private readonly cards: CardsService,
    private readonly cash: CashService,
    private readonly accounts: AccountsRepository,
    private readonly customers: CustomersRepository,
  ) {}

  async seedDemoData(actor: string): Promise<SeedReport> {
    const report: SeedReport = {
      customersCreated: 0,
      accountsOpened: 0,
      cardsIssued: 0,
      notesLoaded: 0,
      demoAdminCreated: false,
    };
    const who = { actor };
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
    if ((await this.cash.cassetteCount()) === 0) {
      await this.cash.load(DEMO_NOTE_STOCK.denominationCents, DEMO_NOTE_STOCK.count, who);
      report.notesLoaded = DEMO_NOTE_STOCK.count;
    }
    // The demo admin exists outside production only; a database seeded before admins
    // existed gets it on the next seed.
    if (!this.config.isProduction)
      report.demoAdminCreated = await this.adminUsers.ensureDemoAdmin(who);
    return report;
  }
}
