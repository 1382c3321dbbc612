import { type AuditService } from '../audit';
import { type AdminActor, DomainError } from '../common';

/**
 * An administrator's refused action on an account, audited after its transaction rolled
 * back, so two administrators acting on one account at once both leave a trace whoever
 * wins. Only a business refusal (a DomainError) of an account that was found is recorded.
 */
export async function auditAccountRefusal(
  audit: AuditService,
  type: string,
  actor: AdminActor,
  account: { id: string; customer_id: string } | undefined,
  error: unknown,
): Promise<void> {
  if (!(error instanceof DomainError) || !account) return;
  await audit.record({
    type,
    outcome: 'REFUSED',
    actorType: 'ADMIN',
    actor: actor.actor,
    customerId: account.customer_id,
    accountId: account.id,
    clientIp: actor.clientIp,
    details: { code: error.code, reason: error.detail },
  });
}
