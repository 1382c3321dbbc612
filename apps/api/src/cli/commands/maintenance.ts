import { type Command } from 'commander';
import { MaintenanceService } from '../../maintenance';
import { RefusedError } from '../cli-errors';
import { type CommandContext } from '../command-context';

export function registerMaintenanceCommands(program: Command, context: CommandContext): void {
  const maintenance = program
    .command('maintenance')
    .description('take the ATM out of or back into service');
  for (const state of ['on', 'off'] as const) {
    maintenance
      .command(state)
      .description(
        state === 'on' ? 'out of service: every /api/v1 route answers 503' : 'back into service',
      )
      .action(async () => {
        const { output, actor } = context.globals();
        const changed = await context.write(
          // setByAdmin records both outcomes, for the console too.
          {
            type: state === 'on' ? 'MAINTENANCE_ON' : 'MAINTENANCE_OFF',
            serviceRecordsRefusals: true,
          },
          (ctx) => ctx.get(MaintenanceService).setByAdmin(state === 'on', actor),
        );
        if (!changed) throw new RefusedError(`Maintenance is already ${state}`);
        output.result(
          { maintenance: state === 'on' },
          state === 'on' ? 'The ATM is out of service' : 'The ATM is back in service',
        );
      });
  }
}
