import {
  type Account,
  maskAccountNumber,
  type Statement,
  type StatementRequest,
} from '@atm/contracts';
import { type FormEvent, useState } from 'react';
import { errorMessage } from '../../../shared/api/error-messages';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { isoDaysBefore, statementToday } from '../../../shared/format/format';
import { AccountChoiceScreen } from '../../accounts/components/AccountChoice';
import { accountTypeName } from '../../accounts/hooks/useAccounts';
import { useAccountStep } from '../../accounts/hooks/useAccountStep';
import { Screen } from '../../machine/components/Screen';
import { useCreateStatement, useDownloadStatement, useStatement } from '../hooks/useStatements';

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
  const polled = useStatement(statement);
  const current = polled.data ?? statement;
  const download = useDownloadStatement();
  const ready = current.status === 'READY';
  const failed = current.status === 'FAILED';
  return (
    <Screen
      title={
        ready ? 'Your statement is ready' : failed ? 'Statement not made' : 'Making your statement'
      }
      options={[
        { label: 'Main menu', onSelect: onBack, slot: 'L4' },
        { label: 'Another period', onSelect: onAnother, slot: 'L3' },
        ...(ready
          ? [
              {
                label: 'Download',
                onSelect: () => download.mutate(current),
                slot: 'R4' as const,
                primary: true,
                disabled: download.isPending,
              },
            ]
          : []),
      ]}
      keypad={{ onCancel: onBack, ...(ready ? { onEnter: () => download.mutate(current) } : {}) }}
    >
      <p className="hint">
        {accountTypeName(account)} {maskAccountNumber(account.number)}, {current.from} to{' '}
        {current.to}
      </p>
      {!ready && !failed ? (
        <div className="progress" role="status">
          <span className="progress__bar" aria-hidden="true" />
          <span>{current.status === 'PENDING' ? 'Waiting in line…' : 'Writing the PDF…'}</span>
        </div>
      ) : null}
      {ready ? (
        <p className="lead" role="status">
          {current.pageCount
            ? `${current.pageCount} ${current.pageCount === 1 ? 'page' : 'pages'}. `
            : ''}
          {download.isSuccess ? 'Downloaded.' : 'Choose Download to save the PDF.'}
        </p>
      ) : null}
      {failed ? <ErrorAlert message="The statement could not be made. Please try again." /> : null}
      {polled.isError ? <ErrorAlert message={errorMessage(polled.error, 'statement')} /> : null}
      {download.isError ? <ErrorAlert message={errorMessage(download.error, 'statement')} /> : null}
    </Screen>
  );
}

export function StatementsScreen({ onBack, now = () => new Date() }: StatementsScreenProps) {
  const accountStep = useAccountStep();
  const { account } = accountStep;
  const [custom, setCustom] = useState(false);
  const today = statementToday(now());
  const [range, setRange] = useState<StatementRequest>({
    from: isoDaysBefore(today, 29),
    to: today,
  });
  const create = useCreateStatement();

  if (!account) {
    return (
      <AccountChoiceScreen
        title="Statements: choose an account"
        question="Which account is the statement for?"
        accountStep={accountStep}
        onBack={onBack}
      />
    );
  }

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
  const leave = () => (accountStep.skipped ? onBack() : accountStep.reset());

  if (custom) {
    const submit = () => {
      if (!range.from || !range.to || range.from > range.to) {
        create.reset();
        return;
      }
      request(range);
    };
    const onSubmit = (event: FormEvent) => {
      event.preventDefault();
      submit();
    };
    const reversed = range.from > range.to;
    return (
      <Screen
        title="Statement: custom range"
        options={[
          { label: 'Back', onSelect: () => setCustom(false), slot: 'L4' },
          {
            label: 'Make statement',
            onSelect: submit,
            slot: 'R4',
            primary: true,
            disabled: create.isPending || reversed,
          },
        ]}
        keypad={{ onEnter: submit, onCancel: () => setCustom(false) }}
      >
        <form className="form form--grid" onSubmit={onSubmit} noValidate>
          <label className="field">
            <span className="field__label">From date</span>
            <input
              className="field__input"
              type="date"
              max={today}
              value={range.from}
              onChange={(e) => setRange({ ...range, from: e.target.value })}
            />
          </label>
          <label className="field">
            <span className="field__label">To date</span>
            <input
              className="field__input"
              type="date"
              max={today}
              value={range.to}
              onChange={(e) => setRange({ ...range, to: e.target.value })}
            />
          </label>
          {reversed ? (
            <ErrorAlert message="The start date must not be after the end date." />
          ) : null}
          <ErrorAlert message={create.error ? errorMessage(create.error, 'statement') : null} />
        </form>
      </Screen>
    );
  }

  return (
    <Screen
      title="Statements"
      options={[
        ...PRESETS.map((days, i) => ({
          label: `Last ${days} days`,
          onSelect: () => request({ from: isoDaysBefore(today, days - 1), to: today }),
          slot: (['R1', 'R2', 'R3'] as const)[i],
          disabled: create.isPending,
        })),
        {
          label: 'Custom range',
          onSelect: () => setCustom(true),
          slot: 'R4',
          disabled: create.isPending,
        },
        { label: 'Back', onSelect: leave, slot: 'L4' },
      ]}
      keypad={{ onCancel: leave }}
    >
      <p className="lead">Which period should the statement cover?</p>
      <p className="hint">
        {accountTypeName(account)} {maskAccountNumber(account.number)}. The statement is a PDF you
        can download.
      </p>
      {create.isPending ? (
        <p className="notice" role="status">
          Asking for your statement…
        </p>
      ) : null}
      <ErrorAlert message={create.error ? errorMessage(create.error, 'statement') : null} />
    </Screen>
  );
}
