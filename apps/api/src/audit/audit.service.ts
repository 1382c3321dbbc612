import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource } from 'typeorm';
import { type AdminActor, Clock } from '../common';
import { type Queryable, queryRows } from '../database';

export type AuditOutcome = 'SUCCESS' | 'FAILURE' | 'REFUSED';
export type AuditActorType = 'CUSTOMER' | 'ADMIN' | 'SYSTEM' | 'ANONYMOUS';

export interface AuditEvent {
  type: string;
  outcome: AuditOutcome;
  actorType: AuditActorType;
  actor?: string | undefined;
  customerId?: string | undefined;
  cardLast4?: string | undefined;
  accountId?: string | undefined;
  clientIp?: string | undefined;
  /** Never a PIN, never a full card number. */
  details?: Record<string, unknown>;
}

/** What an administrator's act was done to (customer, card, account) and its details. */
export type AdminActionSubject = Pick<
  AuditEvent,
  'customerId' | 'cardLast4' | 'accountId' | 'details'
>;

export interface AuditRow {
  id: string;
  occurredAt: string;
  type: string;
  outcome: AuditOutcome;
  actorType: AuditActorType;
  actor: string | null;
  customerId: string | null;
  cardLast4: string | null;
  accountId: string | null;
  clientIp: string | null;
  details: Record<string, unknown>;
}

/** What the admin console's readers select: every column of an audit event. */
const AUDIT_SELECT = `SELECT id, occurred_at, type, outcome, actor_type, actor, customer_id, card_last4,
                             account_id, client_ip, details
                        FROM audit_events`;

/** Append-only record of who did what, when, and how it ended. */
@Injectable()
export class AuditService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** Writes in `runner`'s transaction when given (so the event commits with the change). */
  async record(event: AuditEvent, runner: Queryable = this.dataSource): Promise<void> {
    await runner.query(
      `INSERT INTO audit_events
         (occurred_at, type, outcome, actor_type, actor, customer_id, card_last4, account_id, client_ip, details)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        this.clock.now(),
        event.type,
        event.outcome,
        event.actorType,
        event.actor ?? null,
        event.customerId ?? null,
        event.cardLast4 ?? null,
        event.accountId ?? null,
        event.clientIp ?? null,
        JSON.stringify(event.details ?? {}),
      ],
    );
  }

  /** An administrator's act that succeeded, in `runner`'s transaction when given. */
  recordAdminAction(
    type: string,
    actor: AdminActor,
    subject: AdminActionSubject,
    runner?: Queryable,
  ): Promise<void> {
    return this.record(
      {
        type,
        outcome: 'SUCCESS',
        actorType: 'ADMIN',
        actor: actor.actor,
        clientIp: actor.clientIp,
        ...subject,
      },
      runner,
    );
  }

  /**
   * A page of events, newest first, for the admin console: optional exact type and actor,
   * and events at or after `since`. The cursor is the last id of the previous page.
   */
  async page(filter: {
    limit: number;
    type?: string | undefined;
    actor?: string | undefined;
    since?: Date | undefined;
    beforeId?: string | undefined;
  }): Promise<{ items: AuditRow[]; hasMore: boolean }> {
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `${AUDIT_SELECT}
        WHERE ($2::text IS NULL OR type = $2)
          AND ($3::text IS NULL OR actor = $3)
          AND ($4::timestamptz IS NULL OR occurred_at >= $4)
          AND ($5::bigint IS NULL OR id < $5)
        ORDER BY id DESC
        LIMIT $1`,
      [
        filter.limit + 1,
        filter.type ?? null,
        filter.actor ?? null,
        filter.since ?? null,
        filter.beforeId ?? null,
      ],
    );
    return {
      items: rows.slice(0, filter.limit).map(toAuditRow),
      hasMore: rows.length > filter.limit,
    };
  }

  async newest(filter: { limit: number; cardLast4?: string; type?: string }): Promise<AuditRow[]> {
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `${AUDIT_SELECT}
        WHERE ($2::text IS NULL OR card_last4 = $2)
          AND ($3::text IS NULL OR type = $3)
        ORDER BY id DESC
        LIMIT $1`,
      [filter.limit, filter.cardLast4 ?? null, filter.type ?? null],
    );
    return rows.map(toAuditRow);
  }

  /** Sign-ins that did not succeed in [start, end) (the dashboard's figure). */
  async countFailedSignIns(start: Date, end: Date): Promise<number> {
    const [row] = await queryRows<{ count: string }>(
      this.dataSource,
      `SELECT count(*) AS count FROM audit_events
        WHERE type = 'LOGIN' AND outcome <> 'SUCCESS' AND occurred_at >= $1 AND occurred_at < $2`,
      [start, end],
    );
    return Number(row?.count ?? 0);
  }
}

function toAuditRow(r: Record<string, unknown>): AuditRow {
  return {
    id: String(r.id),
    occurredAt: new Date(r.occurred_at as string).toISOString(),
    type: r.type as string,
    outcome: r.outcome as AuditOutcome,
    actorType: r.actor_type as AuditActorType,
    actor: (r.actor as string | null) ?? null,
    customerId: (r.customer_id as string | null) ?? null,
    cardLast4: (r.card_last4 as string | null) ?? null,
    accountId: (r.account_id as string | null) ?? null,
    clientIp: (r.client_ip as string | null) ?? null,
    details: (r.details as Record<string, unknown>) ?? {},
  };
}
