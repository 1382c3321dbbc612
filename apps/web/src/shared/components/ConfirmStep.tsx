import { useTranslation } from 'react-i18next';
import { errorMessage, type Operation } from '../api/error-messages';
import { type Receipt } from '../flow/flow-types';
import { type SubmitCallbacks } from '../hooks/useIdempotentMutation';
import { Screen } from '../machine/components/Screen';
import { ErrorAlert } from './ErrorAlert';
import { Summary, type SummaryProps } from './Summary';
import { StatusNotice } from './StatusNotice';

/** What the confirm step uses of a money movement's request (`useIdempotentMutation`). */
interface Movement<TVariables, TResult> {
  submit: (variables: TVariables, callbacks: SubmitCallbacks<TResult>) => void;
  isPending: boolean;
  error: Error | null;
  /** The operation is about to change: the next Confirm is a new one. */
  forget: () => void;
}

export interface ConfirmStepProps<TVariables, TResult> {
  title: string;
  rows: SummaryProps['rows'];
  movement: Movement<TVariables, TResult>;
  /** What Confirm sends. */
  request: TVariables;
  /** The receipt of the movement, from the server's answer. */
  receipt: (result: TResult) => Receipt;
  /** The movement went through: on to its receipt. */
  onCompleted: (receipt: Receipt) => void;
  /** Told while the request is on its way ("Counting your cash..."). */
  pendingMessage: string;
  /** What the customer is doing, so a refusal is told in their terms. */
  operation: Operation;
  /** Back to the step before, to change the operation. */
  onBack: () => void;
}

/**
 * The last step of every money movement: what is about to happen, "Confirm" and "Back".
 * While the request is on its way, Confirm and Back are disabled and Cancel does nothing
 * (the money may be moving); Enter stays wired because the movement's own guard
 * (`useIdempotentMutation`) refuses a second send.
 */
export function ConfirmStep<TVariables, TResult>({
  title,
  rows,
  movement,
  request,
  receipt,
  onCompleted,
  pendingMessage,
  operation,
  onBack,
}: ConfirmStepProps<TVariables, TResult>) {
  const { t } = useTranslation();
  const onConfirm = () =>
    movement.submit(request, { onSuccess: (result) => onCompleted(receipt(result)) });
  const back = () => {
    movement.forget();
    onBack();
  };
  return (
    <Screen
      title={title}
      options={[
        {
          label: t('common.confirm'),
          onSelect: onConfirm,
          slot: 'R4',
          primary: true,
          disabled: movement.isPending,
        },
        { label: t('common.back'), onSelect: back, slot: 'L4', disabled: movement.isPending },
      ]}
      keypad={{ onEnter: onConfirm, onCancel: movement.isPending ? undefined : back }}
    >
      <Summary rows={rows} />
      <StatusNotice message={movement.isPending ? pendingMessage : null} />
      <ErrorAlert message={movement.error ? errorMessage(movement.error, operation) : null} />
    </Screen>
  );
}
