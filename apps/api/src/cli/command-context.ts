import { type Command } from 'commander';
import { userInfo } from 'node:os';
import { type INestApplicationContext } from '@nestjs/common';
import { AuditService } from '../audit';
import { type AdminActor, DomainError } from '../common';
import { RefusedError } from './cli-errors';

/** Whether a command changes the database; one that does names its target first. */
export type DatabaseAccess = 'read' | 'write';

type ContextWork<T> = (context: INestApplicationContext) => Promise<T>;

/**
 * Opens the application context for one command and closes it afterwards. Access defaults
 * to 'write', so that a new command names its target unless it says it only reads.
 */
export type ContextRunner = <T>(work: ContextWork<T>, access?: DatabaseAccess) => Promise<T>;

export interface Output {
  /** Machine-readable output with --json, a human line (or lines) otherwise. */
  result(json: unknown, human: string): void;
}

/**
 * The audit types of the CLI's mutating commands: the contract's, plus the ones the services
 * already record for the commands the contract's list leaves out (issue, PIN reset, the
 * other administrator changes).
 */
export type CliAuditType =
  | 'CUSTOMER_CREATED'
  | 'ACCOUNT_OPENED'
  | 'ACCOUNT_FROZEN'
  | 'ACCOUNT_UNFROZEN'
  | 'ACCOUNT_CLOSED'
  | 'CARD_ISSUED'
  | 'CARD_BLOCKED'
  | 'CARD_UNLOCKED'
  | 'PIN_RESET'
  | 'CASH_LOADED'
  | 'MAINTENANCE_ON'
  | 'MAINTENANCE_OFF'
  | 'ADMIN_USER_CREATED'
  | 'ADMIN_USER_DISABLED'
  | 'ADMIN_USER_ENABLED'
  | 'ADMIN_USER_UNLOCKED'
  | 'ADMIN_USER_ROLE_CHANGED'
  | 'ADMIN_USER_PASSWORD_RESET'
  | 'ADMIN_USER_TOTP_RESET'
  | 'OVERDRAFT_LINKED'
  | 'OVERDRAFT_UNLINKED';

/**
 * How a mutating command is audited. Its success is recorded by the service, in the same
 * transaction as the change; a refusal is recorded here, after the rollback, under the same
 * type with outcome REFUSED, unless the service records its refusals itself.
 */
export interface CommandAudit {
  type: CliAuditType;
  /** The service records this command's refusals (a second record would double them). */
  serviceRecordsRefusals?: true;
  /** Never a full card number: the last four digits only. */
  cardLast4?: string;
  details?: Record<string, unknown>;
}

/** What every command group gets: its output, its actor, and the one way to the database. */
export interface CommandContext {
  /** Read when the action runs, once commander has parsed the global options. */
  globals(): { output: Output; actor: AdminActor };
  /** A command that only reads: it does not name its target. */
  read<T>(work: ContextWork<T>): Promise<T>;
  /** A command that changes the database: names its target, and its refusal is audited. */
  write<T>(audit: CommandAudit | 'no-refusal-audit', work: ContextWork<T>): Promise<T>;
  /**
   * A changing command's whole action: `write` as the acting administrator, then the result
   * printed (itself with --json, the line `human` makes of it otherwise).
   */
  change<T>(
    audit: CommandAudit,
    work: (context: INestApplicationContext, actor: AdminActor) => Promise<T>,
    human: (result: T) => string,
  ): Promise<void>;
  /** A reading command's whole action: `read`, then its answer printed. */
  show<T>(work: ContextWork<T>, print: (result: T) => Printed): Promise<void>;
  /** The runner itself, for a reading command that has always named its target. */
  run: ContextRunner;
}

/** What a command prints: `json` with --json, `human` otherwise. */
export interface Printed {
  json: unknown;
  human: string;
}

/** A list's human text: a line an item, or `none` when there is none. */
export function listing(lines: string[], none: string): string {
  return lines.length > 0 ? lines.join('\n') : none;
}

interface GlobalOptions {
  json?: boolean;
  actor?: string;
}

export function createCommandContext(
  program: Command,
  run: ContextRunner,
  makeOutput: (json: boolean) => Output,
): CommandContext {
  const globals = (): { output: Output; actor: AdminActor } => {
    const options = program.opts<GlobalOptions>();
    return {
      output: makeOutput(options.json === true),
      // The contract's CLI actors: `cli:` and --actor, or the OS user.
      actor: { actor: `cli:${options.actor ?? userInfo().username}` },
    };
  };
  const read = <T>(work: ContextWork<T>): Promise<T> => run(work, 'read');
  const write = <T>(audit: CommandAudit | 'no-refusal-audit', work: ContextWork<T>): Promise<T> =>
    run(async (context) => {
      try {
        return await work(context);
      } catch (error) {
        if (audit !== 'no-refusal-audit' && audit.serviceRecordsRefusals !== true)
          await recordRefusal(context, audit, globals().actor, error);
        throw error;
      }
    }, 'write');
  return {
    globals,
    read,
    write,
    change: async (audit, work, human) => {
      const { output, actor } = globals();
      const result = await write(audit, (context) => work(context, actor));
      output.result(result, human(result));
    },
    show: async (work, print) => {
      const { output } = globals();
      const { json, human } = print(await read(work));
      output.result(json, human);
    },
    run,
  };
}

async function recordRefusal(
  context: INestApplicationContext,
  audit: CommandAudit,
  actor: AdminActor,
  error: unknown,
): Promise<void> {
  // Only a refusal is a decision worth a record; a crash is not an administrator's act.
  if (!(error instanceof DomainError || error instanceof RefusedError)) return;
  await context.get(AuditService).record({
    type: audit.type,
    outcome: 'REFUSED',
    actorType: 'ADMIN',
    actor: actor.actor,
    cardLast4: audit.cardLast4,
    details: {
      ...audit.details,
      ...(error instanceof DomainError
        ? { code: error.code, reason: error.detail }
        : { reason: error.message }),
    },
  });
}
