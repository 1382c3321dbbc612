import { type AdminAuditEvent } from '@atm/contracts';
import { type AuditRow } from '../../audit';
import { UUID_PATTERN } from '../../common';

/** The names and numbers an audit page's events name, read once for the whole page. */
export interface AuditSubjectLabels {
  customerNames: ReadonlyMap<string, string>;
  accountNumbers: ReadonlyMap<string, string>;
}

/**
 * The customer an event concerns: its own column, or the id a CLI refusal kept in its
 * details (typed by the administrator, so only a well-formed one counts).
 */
export function auditCustomerId(row: AuditRow): string | undefined {
  if (row.customerId !== null) return row.customerId;
  const typed = row.details.customerId;
  return typeof typed === 'string' && UUID_PATTERN.test(typed) ? typed.toLowerCase() : undefined;
}

/** What an event concerns, where it came from and, when it did not succeed, how it ended. */
export interface AuditSubject {
  customerId?: string;
  customerName?: string;
  accountId?: string;
  accountNumber?: string;
  cardLast4?: string;
  clientIp?: string;
  outcome?: 'FAILURE' | 'REFUSED';
}

/** An event's subject, with the names and numbers of the page it is read with. */
export function auditSubject(row: AuditRow, labels: AuditSubjectLabels): AuditSubject {
  const customerId = auditCustomerId(row);
  const customerName = customerId === undefined ? undefined : labels.customerNames.get(customerId);
  const accountNumber =
    row.accountId === null ? undefined : labels.accountNumbers.get(row.accountId);
  return {
    ...(customerId !== undefined ? { customerId } : {}),
    ...(customerName !== undefined ? { customerName } : {}),
    ...(row.accountId !== null ? { accountId: row.accountId } : {}),
    ...(accountNumber !== undefined ? { accountNumber } : {}),
    ...(row.cardLast4 !== null ? { cardLast4: row.cardLast4 } : {}),
    ...(row.clientIp !== null ? { clientIp: row.clientIp } : {}),
    ...(row.outcome !== 'SUCCESS' ? { outcome: row.outcome } : {}),
  };
}

/**
 * One event as the admin API answers it. `details` carries, besides the event's own
 * details, what the event concerns (customer, account, card), where it came from and, when
 * it did not succeed, how it ended: without them "ACCOUNT_FROZEN by admin" would not say
 * which account.
 */
export function auditLogEntry(row: AuditRow, labels: AuditSubjectLabels): AdminAuditEvent {
  return {
    id: row.id,
    type: row.type,
    actor: row.actor,
    at: row.occurredAt,
    details: { ...row.details, ...auditSubject(row, labels) },
  };
}
