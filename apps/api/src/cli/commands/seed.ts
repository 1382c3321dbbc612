import { type Command } from 'commander';
import { SeedService } from '../../admin';
import { RefusedError } from '../cli-errors';
import { type CommandContext } from '../command-context';

export interface SeedEnvironment {
  /** NODE_ENV=production: the demo data must never be created there. */
  production: boolean;
}

export function registerSeedCommand(
  program: Command,
  context: CommandContext,
  environment: SeedEnvironment,
): void {
  program
    .command('seed')
    .description('create the demo customers, accounts, cards and note stock (idempotent)')
    .action(async () => {
      const { output, actor } = context.globals();
      // Refused before the database is even opened: the demo cards and PINs are published.
      if (environment.production)
        throw new RefusedError(
          'seed is refused in production (NODE_ENV=production): it creates the published demo cards and money',
        );
      // Each thing seed creates is audited by the service that creates it; seed has no
      // refusal of its own once the database is open.
      const report = await context.write('no-refusal-audit', (ctx) =>
        ctx.get(SeedService).seedDemoData(actor.actor),
      );
      output.result(
        report,
        `Demo data: ${report.customersCreated} customers, ${report.accountsOpened} accounts, ${report.cardsIssued} cards created; ${report.notesLoaded} notes loaded${report.demoAdminCreated ? '; demo admin created' : ''}`,
      );
    });
}
