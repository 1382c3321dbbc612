import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource } from 'typeorm';
import { type AdminActor, Clock } from '../common';
import { AuditService } from '../audit';
import { execute, queryRows } from '../database';

/** How long a process trusts its last reading of the maintenance flag. */
const CACHE_MS = 1000;

/**
 * The ATM's in/out of service flag, kept in the settings row so that an administrator's
 * `maintenance on` reaches every running API process within a second, without a restart.
 */
@Injectable()
export class MaintenanceService {
  private cached: { value: boolean; readAt: number } | undefined;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  async isOn(): Promise<boolean> {
    const now = this.clock.now().getTime();
    if (this.cached && now - this.cached.readAt < CACHE_MS) return this.cached.value;
    const rows = await queryRows<{ maintenance: boolean }>(
      this.dataSource,
      `SELECT maintenance FROM atm_settings WHERE id = true`,
    );
    const value = rows[0]?.maintenance === true;
    this.cached = { value, readAt: now };
    return value;
  }

  /**
   * An administrator turns maintenance on or off (CLI or console): audited as MAINTENANCE_ON
   * or MAINTENANCE_OFF, REFUSED when it already was in that state. Answers whether it changed.
   */
  async setByAdmin(on: boolean, actor: AdminActor): Promise<boolean> {
    const changed = await this.set(on, actor.actor);
    await this.audit.record({
      type: on ? 'MAINTENANCE_ON' : 'MAINTENANCE_OFF',
      outcome: changed ? 'SUCCESS' : 'REFUSED',
      actorType: 'ADMIN',
      actor: actor.actor,
      clientIp: actor.clientIp,
    });
    return changed;
  }

  async set(on: boolean, actor: string): Promise<boolean> {
    const changed = await execute(
      this.dataSource,
      `UPDATE atm_settings SET maintenance = $1, updated_at = now(), updated_by = $2
        WHERE id = true AND maintenance <> $1`,
      [on, actor],
    );
    this.cached = undefined;
    return changed > 0;
  }
}
