// The statements module's public surface: other modules import from here, never a file inside.
export { StatementProcessingModule } from './statement-processing.module';
export { StatementRetention } from './statement-retention';
export { StatementStore } from './statement-store';
export { WorkerHeartbeat } from './statement-worker-heartbeat';
export { StatementWorkerModule } from './statement-worker.module';
export { StatementsModule } from './statements.module';
