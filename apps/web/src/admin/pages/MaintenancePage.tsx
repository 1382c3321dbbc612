import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { adminApi } from '../api/admin-api';
import { errorText } from '../api/errors';
import { Alert, Notice } from '../components/Alert';
import { Button } from '../components/Button';
import { ConfirmDialog } from '../components/Dialog';
import { PageFrame } from '../components/PageFrame';
import { strings } from '../strings';

const s = strings.maintenance;

export function MaintenancePage() {
  const client = useQueryClient();
  const maintenance = useQuery({
    queryKey: ['admin', 'maintenance'],
    queryFn: adminApi.maintenance,
  });
  const [asking, setAsking] = useState<boolean | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const change = useMutation({ mutationFn: adminApi.setMaintenance });
  const enabled = maintenance.data?.enabled;

  const confirm = () => {
    if (asking === null || change.isPending) return;
    change.mutate(asking, {
      onSuccess: (answer) => {
        client.setQueryData(['admin', 'maintenance'], answer);
        setDone(answer.enabled ? s.changedOn : s.changedOff);
        setAsking(null);
      },
    });
  };

  return (
    <PageFrame title={s.title}>
      <p>{s.explain}</p>
      <Alert message={errorText(maintenance.error)} />
      <Notice message={done} />
      {enabled === undefined ? (
        maintenance.isPending ? (
          <p>{strings.common.loading}</p>
        ) : null
      ) : (
        <section className="admin-card" aria-labelledby="maintenance-status">
          <h2
            id="maintenance-status"
            className={enabled ? 'admin-status admin-status--off' : 'admin-status'}
          >
            {enabled ? s.statusOn : s.statusOff}
          </h2>
          <Button
            variant={enabled ? 'primary' : 'danger'}
            onClick={() => {
              change.reset();
              setDone(null);
              setAsking(!enabled);
            }}
          >
            {enabled ? s.turnOff : s.turnOn}
          </Button>
        </section>
      )}
      {asking !== null ? (
        <ConfirmDialog
          title={asking ? s.confirmOnTitle : s.confirmOffTitle}
          action={change}
          onConfirm={confirm}
          onCancel={() => setAsking(null)}
        >
          <p>{asking ? s.confirmOnText : s.confirmOffText}</p>
        </ConfirmDialog>
      ) : null}
    </PageFrame>
  );
}
