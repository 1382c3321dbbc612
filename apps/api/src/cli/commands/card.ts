import { type Command } from 'commander';
import { CardsService } from '../../auth';
import { type CommandContext } from '../command-context';
import { cardNumber } from '../option-parsers';
import { readNewPin } from '../pin-input';

/** `card issue | unlock | block` and `pin reset`: everything done to a card. */
export function registerCardCommands(program: Command, context: CommandContext): void {
  const card = program.command('card').description('issue, block and unlock cards');
  card
    .command('issue')
    .description(
      'issue a card; the PIN comes from a hidden prompt or --pin-stdin; the number is printed once',
    )
    .requiredOption('--customer <id>', 'customer id')
    .option(
      '--number <digits>',
      'use this 16-digit card number instead of generating one',
      cardNumber,
    )
    .option('--pin-stdin', 'read the PIN from the first line of standard input')
    .action(async (options: { customer: string; number?: string; pinStdin?: boolean }) => {
      const { output, actor } = context.globals();
      const pin = await readNewPin(options);
      const issued = await context.write(
        {
          type: 'CARD_ISSUED',
          details: { customerId: options.customer },
          ...(options.number ? { cardLast4: options.number.slice(-4) } : {}),
        },
        (ctx) =>
          ctx.get(CardsService).issue(
            {
              customerId: options.customer,
              pin,
              ...(options.number ? { cardNumber: options.number } : {}),
            },
            actor,
          ),
      );
      output.result(
        { cardId: issued.cardId, cardNumber: issued.cardNumber, last4: issued.last4 },
        `Issued card ${issued.cardNumber} (shown once: note it now; afterwards only ••••${issued.last4} is shown)`,
      );
    });
  card
    .command('unlock')
    .description('clear a PIN lockout')
    .requiredOption('--number <digits>', '16-digit card number', cardNumber)
    .action((options: { number: string }) =>
      context.change(
        { type: 'CARD_UNLOCKED', cardLast4: options.number.slice(-4) },
        (ctx, actor) => ctx.get(CardsService).unlock(options.number, actor),
        (result) => `Unlocked card ••••${result.last4}`,
      ),
    );
  card
    .command('block')
    .description('block a card and end its sessions')
    .requiredOption('--number <digits>', '16-digit card number', cardNumber)
    .action((options: { number: string }) =>
      context.change(
        { type: 'CARD_BLOCKED', cardLast4: options.number.slice(-4) },
        (ctx, actor) => ctx.get(CardsService).block(options.number, actor),
        (result) => `Blocked card ••••${result.last4}; ended ${result.sessionsEnded} session(s)`,
      ),
    );

  program
    .command('pin')
    .description('PIN administration')
    .command('reset')
    .description("set a card's PIN (hidden prompt or --pin-stdin) and end its sessions")
    .requiredOption('--number <digits>', '16-digit card number', cardNumber)
    .option('--pin-stdin', 'read the PIN from the first line of standard input')
    .action(async (options: { number: string; pinStdin?: boolean }) => {
      const { output, actor } = context.globals();
      const pin = await readNewPin(options);
      const result = await context.write(
        { type: 'PIN_RESET', cardLast4: options.number.slice(-4) },
        (ctx) => ctx.get(CardsService).resetPin(options.number, pin, actor),
      );
      output.result(
        result,
        `Reset the PIN of card ••••${result.last4}; ended ${result.sessionsEnded} session(s)`,
      );
    });
}
