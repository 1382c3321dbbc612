import { type AuditRow } from '../../audit';
import { auditCustomerId, auditLogEntry } from './audit-log-entry';

const CUSTOMER = '0b7d3c52-54a4-4c5e-9d43-1f6a1c9e2b10';
const ACCOUNT = '5e0c2a7d-8f3b-4a61-b2de-7c9a0e4f1d22';

function row(overrides: Partial<AuditRow>): AuditRow {
  return {
    id: '42',
    occurredAt: '2026-03-02T15:04:05.000Z',
    type: 'ACCOUNT_FROZEN',
    outcome: 'SUCCESS',
    actorType: 'ADMIN',
    actor: 'admin',
    customerId: null,
    cardLast4: null,
    accountId: null,
    clientIp: null,
    details: {},
    ...overrides,
  };
}

const labels = {
  customerNames: new Map([[CUSTOMER, 'Bob Williams']]),
  accountNumbers: new Map([[ACCOUNT, '100000020001']]),
};

describe('an audit event as the admin API answers it', () => {
  it('names the customer, account and card it concerns beside its own details', () => {
    expect(
      auditLogEntry(
        row({
          customerId: CUSTOMER,
          accountId: ACCOUNT,
          cardLast4: '0028',
          details: { code: 'ACCOUNT_NOT_EMPTY' },
        }),
        labels,
      ),
    ).toEqual({
      id: '42',
      type: 'ACCOUNT_FROZEN',
      actor: 'admin',
      at: '2026-03-02T15:04:05.000Z',
      details: {
        code: 'ACCOUNT_NOT_EMPTY',
        customerId: CUSTOMER,
        customerName: 'Bob Williams',
        accountId: ACCOUNT,
        accountNumber: '100000020001',
        cardLast4: '0028',
      },
    });
  });

  it('says how an event ended only when it did not succeed, and where it came from', () => {
    expect(auditLogEntry(row({ type: 'LOGIN' }), labels).details).toEqual({});
    expect(
      auditLogEntry(
        row({
          type: 'LOGIN',
          outcome: 'FAILURE',
          clientIp: '10.0.0.7',
          details: { reason: 'WRONG_PIN' },
        }),
        labels,
      ).details,
    ).toEqual({ reason: 'WRONG_PIN', clientIp: '10.0.0.7', outcome: 'FAILURE' });
  });

  it('keeps ids it has no name or number for, without inventing one', () => {
    const gone = '9a1e4b8c-2d3f-4e5a-8b6c-7d8e9f0a1b2c';
    expect(auditLogEntry(row({ customerId: gone, accountId: gone }), labels).details).toEqual({
      customerId: gone,
      accountId: gone,
    });
  });

  it('takes the customer of a refused CLI command from its details, only when it is a UUID', () => {
    expect(auditCustomerId(row({ details: { customerId: CUSTOMER.toUpperCase() } }))).toBe(
      CUSTOMER,
    );
    // What an administrator typed must never reach a uuid[] parameter unchecked.
    expect(auditCustomerId(row({ details: { customerId: "x'; DROP TABLE" } }))).toBeUndefined();
    expect(auditCustomerId(row({ details: { customerId: 7 } }))).toBeUndefined();
    expect(auditCustomerId(row({ customerId: CUSTOMER, details: { customerId: 'other' } }))).toBe(
      CUSTOMER,
    );
  });
});
