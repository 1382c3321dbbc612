// The admin CLI's public surface, for the `cli.ts` entry point.
export { buildAdminProgram } from './admin-program';
export { RefusedError, UsageError } from './cli-errors';
export { CliModule } from './cli.module';
export { type DatabaseAccess } from './command-context';
export { describeTarget, developmentSecretsRefusal } from './database-target';
export { PinInputError } from './pin-input';
