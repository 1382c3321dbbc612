// The audit module's public surface: other modules import from here, never a file inside.
export { AuditModule } from './audit.module';
export { type AuditRow, AuditService } from './audit.service';
