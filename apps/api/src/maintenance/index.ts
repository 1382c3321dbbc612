// The maintenance module's public surface: other modules import from here, never a file inside.
export { MaintenanceGuard } from './maintenance.guard';
export { MaintenanceModule } from './maintenance.module';
export { MaintenanceService } from './maintenance.service';
