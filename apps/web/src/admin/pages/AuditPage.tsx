import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { adminApi } from '../api/admin-api';
import { AUDIT_TYPES, type AuditEvent } from '../api/admin-types';
import { errorText } from '../api/errors';
import { useCursorPages } from '../api/useCursorPages';
import { Alert } from '../components/Alert';
import { Button } from '../components/Button';
import { Field } from '../components/Field';
import { DataTable } from '../components/DataTable';
import { PageFrame } from '../components/PageFrame';
import { Pagination } from '../components/Pagination';
import { formatInstant } from '../format';
import { strings } from '../strings';

export interface AuditFilters {
  type: string;
  actor: string;
}

/** An event's details in one line: `key: value` pairs, nested values as JSON. */
export function detailsText(details: unknown): string {
  if (details === null || details === undefined) return '';
  if (typeof details !== 'object') return String(details);
  return Object.entries(details as Record<string, unknown>)
    .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(', ');
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
        <Field label={strings.audit.type}>
          {(control) => (
            <select
              {...control}
              value={draft.type}
              onChange={(e) => setDraft((d) => ({ ...d, type: e.target.value }))}
            >
              <option value="">{strings.audit.anyType}</option>
              {AUDIT_TYPES.map((type) => (
                <option key={type} value={type}>
                  {type}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={strings.audit.actor}>
          {(control) => (
            <input
              {...control}
              autoComplete="off"
              spellCheck={false}
              value={draft.actor}
              onChange={(e) => setDraft((d) => ({ ...d, actor: e.target.value }))}
            />
          )}
        </Field>
        <Button type="submit" variant="primary">
          {strings.audit.apply}
        </Button>
      </form>
      <Alert message={errorText(audit.error)} />
      {audit.isPending ? (
        <p>{strings.common.loading}</p>
      ) : (
        <>
          <DataTable<AuditEvent>
            caption={strings.audit.tableCaption}
            rows={audit.data?.items ?? []}
            rowKey={(e) => e.id}
            empty={strings.audit.empty}
            columns={[
              { header: strings.audit.at, cell: (e) => formatInstant(e.at) },
              { header: strings.audit.type, cell: (e) => e.type },
              { header: strings.audit.actor, cell: (e) => e.actor ?? strings.common.none },
              {
                header: strings.audit.details,
                cell: (e) => <span className="admin-details">{detailsText(e.details)}</span>,
              },
            ]}
          />
          <Pagination
            page={pages.page}
            hasPrevious={pages.hasPrevious}
            hasNext={Boolean(audit.data?.nextCursor)}
            onPrevious={pages.previous}
            onNext={() => pages.next(audit.data?.nextCursor ?? null)}
          />
        </>
      )}
    </PageFrame>
  );
}
