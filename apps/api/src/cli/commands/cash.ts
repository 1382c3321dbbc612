import { type Command } from 'commander';
import { formatCents } from '@atm/money';
import { CashService } from '../../transactions';
import { type CommandContext } from '../command-context';
import { positiveInteger } from '../option-parsers';

export function registerCashCommands(program: Command, context: CommandContext): void {
  const cash = program.command('cash').description("the ATM's note stock and deposit bin");
  cash
    .command('show')
    .description('notes in stock per denomination, and the deposit bin')
    .action(() =>
      context.show(
        (ctx) => ctx.get(CashService).stock(),
        (stock) => ({
          json: stock,
          human: [
            ...stock.notes.map(
              (n) =>
                `${formatCents(n.denominationCents).padStart(8)} notes: ${String(n.count).padStart(6)}  (${formatCents(n.totalCents)})`,
            ),
            `Deposit bin: ${stock.depositBin.cashDeposits} cash deposit(s), ${formatCents(stock.depositBin.totalCents)}`,
          ].join('\n'),
        }),
      ),
    );
  cash
    .command('load')
    .description('add notes of one denomination to the dispenser')
    .requiredOption(
      '--denomination-cents <cents>',
      'note value in cents, e.g. 2000 for $20',
      positiveInteger('--denomination-cents'),
    )
    .requiredOption('--count <n>', 'number of notes', positiveInteger('--count'))
    .action((options: { denominationCents: number; count: number }) =>
      context.change(
        {
          type: 'CASH_LOADED',
          details: { denominationCents: options.denominationCents, count: options.count },
        },
        (ctx, actor) => ctx.get(CashService).load(options.denominationCents, options.count, actor),
        () => `Loaded ${options.count} notes of ${formatCents(options.denominationCents)}`,
      ),
    );
}
