import { type NoteCount } from '@atm/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { newIdempotencyKey } from '../../shared/api/api-request';
import { adminApi } from '../api/admin-api';
import { type AdminDashboard } from '../api/admin-types';
import { errorText } from '../api/errors';
import { Alert, Notice } from '../components/Alert';
import { Button } from '../components/Button';
import { InputField, SelectField } from '../components/Field';
import { ConfirmDialog } from '../components/Dialog';
import { PageFrame } from '../components/PageFrame';
import { formatCents } from '../format';
import { strings } from '../strings';
import { useDashboard } from './DashboardPage';
import { NoteStockTable } from './NoteStockTable';

/** The note sizes an ATM cassette takes. */
export const DENOMINATIONS_CENTS = [2000, 5000, 10000, 1000, 500] as const;
const MAX_NOTES_PER_LOAD = 10_000;

function parseCount(text: string): number | null {
  if (!/^\d{1,5}$/.test(text.trim())) return null;
  const count = Number(text.trim());
  return count >= 1 && count <= MAX_NOTES_PER_LOAD ? count : null;
}

export function CashPage() {
  const client = useQueryClient();
  const dashboard = useDashboard();
  const [denomination, setDenomination] = useState<number>(DENOMINATIONS_CENTS[0]);
  const [countText, setCountText] = useState('');
  const [invalid, setInvalid] = useState(false);
  const [toConfirm, setToConfirm] = useState<NoteCount | null>(null);
  const [done, setDone] = useState<string | null>(null);
  /** One key per confirmed load: a retry of the same load can never load twice. */
  const key = useRef<string | null>(null);
  const load = useMutation({
    mutationFn: ({ request, idempotencyKey }: { request: NoteCount; idempotencyKey: string }) =>
      adminApi.loadCash(request, idempotencyKey),
  });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const count = parseCount(countText);
    setInvalid(count === null);
    setDone(null);
    if (count === null) return;
    key.current = null;
    load.reset();
    setToConfirm({ denominationCents: denomination, count });
  };

  const confirm = () => {
    if (!toConfirm || load.isPending) return;
    key.current ??= newIdempotencyKey();
    load.mutate(
      { request: toConfirm, idempotencyKey: key.current },
      {
        onSuccess: ({ cash }) => {
          client.setQueryData<AdminDashboard>(['admin', 'dashboard'], (old) =>
            old ? { ...old, cash } : old,
          );
          void client.invalidateQueries({ queryKey: ['admin', 'dashboard'] });
          setDone(strings.cash.loaded(toConfirm.count, formatCents(toConfirm.denominationCents)));
          setCountText('');
          setToConfirm(null);
          key.current = null;
        },
      },
    );
  };

  return (
    <PageFrame title={strings.cash.title}>
      <Alert message={errorText(dashboard.error)} />
      <section className="admin-card" aria-labelledby="stock-title">
        <h2 id="stock-title">{strings.cash.stock}</h2>
        {dashboard.data ? (
          <NoteStockTable cash={dashboard.data.cash} />
        ) : (
          <p>{strings.common.loading}</p>
        )}
      </section>
      <section className="admin-card" aria-labelledby="load-title">
        <h2 id="load-title">{strings.cash.loadTitle}</h2>
        <form className="admin-filters" onSubmit={onSubmit} noValidate>
          <SelectField
            label={strings.cash.loadDenomination}
            value={String(denomination)}
            onChoose={(cents) => setDenomination(Number(cents))}
            choices={DENOMINATIONS_CENTS.map(
              (cents) => [String(cents), formatCents(cents)] as const,
            )}
          />
          <InputField
            label={strings.cash.loadCount}
            inputMode="numeric"
            autoComplete="off"
            aria-invalid={invalid || undefined}
            value={countText}
            onText={setCountText}
          />
          <Button type="submit" variant="primary">
            {strings.cash.loadSubmit}
          </Button>
        </form>
        <Alert message={invalid ? strings.cash.invalidCount : null} />
        <Notice message={done} />
      </section>
      {toConfirm ? (
        <ConfirmDialog
          title={strings.cash.confirmTitle}
          action={load}
          onConfirm={confirm}
          onCancel={() => setToConfirm(null)}
        >
          <p>
            {strings.cash.confirmText(
              toConfirm.count,
              formatCents(toConfirm.denominationCents),
              formatCents(toConfirm.denominationCents * toConfirm.count),
            )}
          </p>
        </ConfirmDialog>
      ) : null}
    </PageFrame>
  );
}
