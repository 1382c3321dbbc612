import { Inject, Injectable } from '@nestjs/common';
import { type AppConfig, APP_CONFIG } from '../config';
import { CashService } from '../transactions';
import { type DemoCustomersReport, DemoCustomersSeeder } from './demo-customers.seeder';
import { DEMO_NOTE_STOCK } from './demo-data';
import { AdminUsersService } from './identity/admin-users.service';

export interface SeedReport extends DemoCustomersReport {
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
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly demoCustomers: DemoCustomersSeeder,
    private readonly cash: CashService,
    private readonly adminUsers: AdminUsersService,
  ) {}

  async seedDemoData(actor: string): Promise<SeedReport> {
    const who = { actor };
    const report: SeedReport = {
      ...(await this.demoCustomers.seed(who)),
      notesLoaded: 0,
      demoAdminCreated: false,
    };
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
