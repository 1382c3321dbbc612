import { Module } from '@nestjs/common';
import { StatementProcessingModule } from '../statements';
import { HousekeepingService } from './housekeeping.service';

@Module({
  imports: [StatementProcessingModule],
  providers: [HousekeepingService],
  exports: [HousekeepingService],
})
export class HousekeepingModule {}
