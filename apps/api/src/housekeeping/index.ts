// The housekeeping module's public surface.
export { HousekeepingModule } from './housekeeping.module';
