import { type Account, type Statement, type StatementRequest } from '@atm/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../shared/api/error-messages';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { formatIsoDate, isoDaysBefore, statementToday } from '../../../shared/format/format';
import { AccountChoiceScreen, accountName, useAccountStep } from '../../accounts';
import { Screen } from '../../../shared/machine/components/Screen';
import { FormScreen } from '../../../shared/components/FormScreen';
import { TextField } from '../../../shared/components/TextField';
import { useCreateStatement, useDownloadStatement, useStatement } from '../hooks/useStatements';
import { StatusNotice } from '../../../shared/components/StatusNotice';

export interface StatementsScreenProps {
  onBack: () => void;
  now?: () => Date;
}

const PRESETS = [7, 30, 90] as const;

function StatementProgress({
  statement,
  account,
  onBack,
  onAnother,
}: {
  statement: Statement;
  account: Account;
  onBack: () => void;
  onAnother: () => void;
}) {
  const { t } = useTranslation();
  const polled = useStatement(statement);
  const current = polled.data ?? statement;
  const download = useDownloadStatement();
  const ready = current.status === 'READY';
  const failed = current.status === 'FAILED';
  return (
    <Screen
      title={
        ready
          ? t('statements.readyTitle')
          : failed
            ? t('statements.failedTitle')
            : t('statements.makingTitle')
      }
      options={[
        { label: t('statements.anotherPeriod'), onSelect: onAnother, slot: 'L3' },
        ...(ready
          ? [
              {
                label: t('statements.download'),
                onSelect: () => download.mutate(current),
                slot: 'R4' as const,
                primary: true,
                disabled: download.isPending,
              },
            ]
          : []),
        { label: t('common.mainMenu'), onSelect: onBack, slot: 'L4' },
      ]}
      keypad={{ onCancel: onBack, ...(ready ? { onEnter: () => download.mutate(current) } : {}) }}
    >
      <p className="hint">
        {t('statements.period', {
          account: accountName(account),
          from: formatIsoDate(current.from),
          to: formatIsoDate(current.to),
        })}
      </p>
      {!ready && !failed ? (
        <div className="progress" role="status">
          <span className="progress__bar" aria-hidden="true" />
          <span>
            {current.status === 'PENDING' ? t('statements.waiting') : t('statements.writing')}
          </span>
        </div>
      ) : null}
      {ready ? (
        <p className="lead" role="status">
          {current.pageCount ? `${t('statements.pages', { count: current.pageCount })} ` : ''}
          {download.isSuccess ? t('statements.downloaded') : t('statements.chooseDownload')}
        </p>
      ) : null}
      {failed ? <ErrorAlert message={t('statements.failed')} /> : null}
      {polled.isError ? <ErrorAlert message={errorMessage(polled.error, 'statement')} /> : null}
      {download.isError ? <ErrorAlert message={errorMessage(download.error, 'statement')} /> : null}
    </Screen>
  );
}

export function StatementsScreen({ onBack, now = () => new Date() }: StatementsScreenProps) {
  const { t } = useTranslation();
  const accountStep = useAccountStep(onBack);
  const { account } = accountStep;
  const [custom, setCustom] = useState(false);
  const today = statementToday(now());
  const [range, setRange] = useState<StatementRequest>({
    from: isoDaysBefore(today, 29),
    to: today,
  });
  const create = useCreateStatement();

  if (!account) return <AccountChoiceScreen screen="statements" accountStep={accountStep} />;

  if (create.data) {
    return (
      <StatementProgress
        key={create.data.id}
        statement={create.data}
        account={account}
        onBack={onBack}
        onAnother={() => {
          create.reset();
          setCustom(false);
        }}
      />
    );
  }

  const request = (next: StatementRequest) => {
    if (create.isPending) return;
    create.mutate({ accountId: account.id, range: next });
  };

  if (custom) {
    const submit = () => {
      if (!range.from || !range.to || range.from > range.to) {
        create.reset();
        return;
      }
      request(range);
    };
    const reversed = range.from > range.to;
    return (
      <FormScreen
        title={t('statements.customTitle')}
        submit={{
          label: t('statements.make'),
          onSelect: submit,
          disabled: create.isPending || reversed,
        }}
        back={{ label: t('common.back'), onSelect: () => setCustom(false) }}
        grid
      >
        {(['from', 'to'] as const).map((end) => (
          <TextField
            key={end}
            label={t(end === 'from' ? 'statements.fromDate' : 'statements.toDate')}
            type="date"
            max={today}
            value={range[end]}
            onText={(date) => setRange({ ...range, [end]: date })}
          />
        ))}
        {reversed ? <ErrorAlert message={t('statements.reversed')} /> : null}
        <ErrorAlert message={create.error ? errorMessage(create.error, 'statement') : null} />
      </FormScreen>
    );
  }

  return (
    <Screen
      title={t('statements.title')}
      options={[
        ...PRESETS.map((days, i) => ({
          label: t('statements.lastDays', { count: days }),
          onSelect: () => request({ from: isoDaysBefore(today, days - 1), to: today }),
          slot: (['R1', 'R2', 'R3'] as const)[i],
          disabled: create.isPending,
        })),
        {
          label: t('statements.custom'),
          onSelect: () => setCustom(true),
          slot: 'R4',
          disabled: create.isPending,
        },
        { label: t('common.back'), onSelect: accountStep.back, slot: 'L4' },
      ]}
      keypad={{ onCancel: accountStep.back }}
    >
      <p className="lead">{t('statements.question')}</p>
      <p className="hint">{t('statements.isPdf', { account: accountName(account) })}</p>
      <StatusNotice message={create.isPending ? t('statements.asking') : null} />
      <ErrorAlert message={create.error ? errorMessage(create.error, 'statement') : null} />
    </Screen>
  );
}
