import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { UUID_PATTERN } from '@atm/contracts';
import { adminApi } from '../api/admin-api';
import { AUDIT_TYPES, type AuditEvent } from '../api/admin-types';
import { useCursorPages } from '../api/useCursorPages';
import { Link, pathFor } from '../app/router';
import { Button } from '../components/Button';
import { InputField, SelectField } from '../components/Field';
import { PageFrame } from '../components/PageFrame';
import { PagedTable } from '../components/PagedTable';
import { formatAccountNumber, formatInstant } from '../format';
import { strings } from '../strings';

export interface AuditFilters {
  type: string;
  actor: string;
}

/** The keys of what an event concerns: the Concerns column shows them, not Details. */
const SUBJECT_KEYS = new Set([
  'customerId',
  'customerName',
  'accountId',
  'accountNumber',
  'cardLast4',
]);

function textOf(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * The customer an event links to. A refused CLI command keeps the id its administrator typed,
 * which may be no id at all: that one stays among the details, not a link to nowhere.
 */
function linkedCustomerId(details: Record<string, unknown>): string | undefined {
  const id = textOf(details.customerId);
  return id !== undefined && UUID_PATTERN.test(id) ? id : undefined;
}

/** An event's other details in one line: `key: value` pairs, nested values as JSON. */
export function detailsText(details: unknown): string {
  if (details === null || details === undefined) return '';
  if (typeof details !== 'object') return String(details);
  const entries = details as Record<string, unknown>;
  const linked = linkedCustomerId(entries) !== undefined;
  return Object.entries(entries)
    .filter(([key]) => !SUBJECT_KEYS.has(key) || (key === 'customerId' && !linked))
    .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(', ');
}

/** Whose customer page, which account and which card an event concerns, where it names them. */
export function AuditSubject({ details }: { details: Record<string, unknown> }) {
  const customerId = linkedCustomerId(details);
  const accountNumber = textOf(details.accountNumber);
  const cardLast4 = textOf(details.cardLast4);
  return (
    <ul className="admin-subject">
      {customerId !== undefined && (
        <li>
          <Link to={pathFor({ page: 'customer', id: customerId })}>
            {textOf(details.customerName) ?? strings.audit.customer}
          </Link>
        </li>
      )}
      {accountNumber !== undefined && (
        <li>{strings.audit.account(formatAccountNumber(accountNumber))}</li>
      )}
      {cardLast4 !== undefined && <li>{strings.audit.card(cardLast4)}</li>}
    </ul>
  );
}

export function AuditPage() {
  const [draft, setDraft] = useState<AuditFilters>({ type: '', actor: '' });
  const [filters, setFilters] = useState<AuditFilters>({ type: '', actor: '' });
  const pages = useCursorPages();

  const audit = useQuery({
    queryKey: ['admin', 'audit', filters.type, filters.actor.trim(), pages.cursor],
    queryFn: () => adminApi.audit(filters, pages.cursor),
    placeholderData: keepPreviousData,
  });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFilters(draft);
    pages.restart();
  };

  return (
    <PageFrame title={strings.audit.title}>
      <form className="admin-filters" onSubmit={onSubmit} aria-label={strings.audit.filters}>
        <SelectField
          label={strings.audit.type}
          value={draft.type}
          onChoose={(type) => setDraft((d) => ({ ...d, type }))}
          choices={[
            ['', strings.audit.anyType],
            ...AUDIT_TYPES.map((type) => [type, type] as const),
          ]}
        />
        <InputField
          label={strings.audit.actor}
          autoComplete="off"
          spellCheck={false}
          value={draft.actor}
          onText={(actor) => setDraft((d) => ({ ...d, actor }))}
        />
        <Button type="submit" variant="primary">
          {strings.audit.apply}
        </Button>
      </form>
      <PagedTable<AuditEvent>
        query={audit}
        pages={pages}
        caption={strings.audit.tableCaption}
        rowKey={(e) => e.id}
        empty={strings.audit.empty}
        columns={[
          { header: strings.audit.at, cell: (e) => formatInstant(e.at) },
          { header: strings.audit.type, cell: (e) => e.type },
          { header: strings.audit.actor, cell: (e) => e.actor ?? strings.common.none },
          { header: strings.audit.subject, cell: (e) => <AuditSubject details={e.details} /> },
          {
            header: strings.audit.details,
            cell: (e) => <span className="admin-details">{detailsText(e.details)}</span>,
          },
        ]}
      />
    </PageFrame>
  );
}
