// The logging module's public surface.
export { LoggingModule } from './logging.module';
export { requestIdFor } from './request-id';
