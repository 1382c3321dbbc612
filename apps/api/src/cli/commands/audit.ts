import { type Command } from 'commander';
import { CARD_LAST4_PATTERN, formatAccountNumber } from '@atm/contracts';
import { AdminConsoleService, auditSubject } from '../../admin';
import { AuditService } from '../../audit';
import { UsageError } from '../cli-errors';
import { type CommandContext, listing } from '../command-context';
import { positiveInteger } from '../option-parsers';

export function registerAuditCommand(program: Command, context: CommandContext): void {
  program
    .command('audit')
    .description('the newest audit events')
    .option('--limit <n>', 'how many (1 to 1000)', positiveInteger('--limit'), 20)
    .option('--card <last4>', 'only events of the card ending with these four digits')
    .option('--type <type>', 'only events of this type, e.g. LOGIN')
    .action(async (options: { limit: number; card?: string; type?: string }) => {
      const { output } = context.globals();
      if (options.limit < 1 || options.limit > 1000)
        throw new UsageError('--limit must be from 1 to 1000');
      if (options.card !== undefined && !CARD_LAST4_PATTERN.test(options.card))
        throw new UsageError('--card takes the last four digits');
      const { events, labels } = await context.read(async (ctx) => {
        const newest = await ctx.get(AuditService).newest({
          limit: options.limit,
          ...(options.card ? { cardLast4: options.card } : {}),
          ...(options.type ? { type: options.type.toUpperCase() } : {}),
        });
        return {
          events: newest,
          labels: await ctx.get(AdminConsoleService).auditSubjectLabels(newest),
        };
      });
      // Whose account and which one an event concerns, so "ACCOUNT_FROZEN" says what froze.
      const subject = (e: (typeof events)[number]) => {
        const { accountNumber, customerName } = auditSubject(e, labels);
        return `${accountNumber ? `  account ${formatAccountNumber(accountNumber)}` : ''}${customerName ? `  customer ${customerName}` : ''}`;
      };
      const lines = events.map(
        (e) =>
          `${e.occurredAt}  ${e.type.padEnd(18)} ${e.outcome.padEnd(8)} ${e.actorType.toLowerCase()}${e.actor ? `:${e.actor}` : ''}${e.cardLast4 ? `  card ••••${e.cardLast4}` : ''}${subject(e)}${e.clientIp ? `  ip ${e.clientIp}` : ''}`,
      );
      output.result({ events }, listing(lines, 'No audit events'));
    });
}
