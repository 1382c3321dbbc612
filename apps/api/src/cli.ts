import 'reflect-metadata';
import { type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CommanderError } from 'commander';
import {
  buildAdminProgram,
  CliModule,
  type DatabaseAccess,
  describeTarget,
  developmentSecretsRefusal,
  PinInputError,
  RefusedError,
  UsageError,
} from './cli/index';
import { DomainError } from './common';
import { type AppConfig, loadConfigOrExit } from './config';
import { openDatabase, pendingMigrations } from './database';

/**
 * `npm run admin -- <command>`: exit 0 on success, 1 with a one-line reason on a refused
 * command, 2 on a usage error. Works on PostgreSQL (DATABASE_URL) and on the embedded
 * database, through the running server's socket when `npm start` is up.
 *
 * It never migrates: a schema change is a deliberate step (`npm run migrate`), not a side
 * effect of unlocking a card against whatever DATABASE_URL happens to name.
 */
async function withContext<T>(
  config: AppConfig,
  access: DatabaseAccess,
  work: (context: INestApplicationContext) => Promise<T>,
): Promise<T> {
  const refusal = developmentSecretsRefusal(config);
  if (refusal !== undefined) throw new RefusedError(refusal);
  const database = await openDatabase(config, 'tool');
  let context: INestApplicationContext | undefined;
  try {
    const pending = await pendingMigrations(database.target);
    if (pending.length > 0) {
      throw new RefusedError(
        `the database ${describeTarget(config)} is not migrated (${pending.length} pending): run \`npm run migrate\` first`,
      );
    }
    // Before anything is written, so that a wrong DATABASE_URL is seen, not discovered.
    if (access === 'write') process.stderr.write(`Target: ${describeTarget(config)}\n`);
    context = await NestFactory.createApplicationContext(
      CliModule.forRoot({ config, database: database.target }),
      {
        logger: ['error'],
        abortOnError: false,
      },
    );
    return await work(context);
  } finally {
    await context?.close();
    await database.close();
  }
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

async function main(): Promise<number> {
  const config = loadConfigOrExit();
  const program = buildAdminProgram(
    (work, access = 'write') => withContext(config, access, work),
    (json) => ({
      result: (value, human) => {
        process.stdout.write(`${json ? JSON.stringify(value, null, 2) : human}\n`);
      },
    }),
    { production: config.isProduction },
  );
  program.configureOutput({
    writeOut: (text) => process.stdout.write(text),
    writeErr: (text) => process.stderr.write(text),
  });
  try {
    await program.parseAsync(process.argv);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end here too, with exit code 0.
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof UsageError) {
      process.stderr.write(`Usage error: ${oneLine(error.message)}\n`);
      return 2;
    }
    if (
      error instanceof DomainError ||
      error instanceof RefusedError ||
      error instanceof PinInputError
    ) {
      const detail = error instanceof DomainError ? error.detail : error.message;
      process.stderr.write(`Refused: ${oneLine(detail)}\n`);
      return 1;
    }
    process.stderr.write(
      `Failed: ${oneLine(error instanceof Error ? error.message : String(error))}\n`,
    );
    return 1;
  }
}

void main().then((code) => process.exit(code));
