import { ErrorAlert, type ErrorAlertProps } from '../../shared/components/ErrorAlert';

/** An error, announced at once: `role="alert"`, as the contract asks of every error. */
export function Alert({ message }: Pick<ErrorAlertProps, 'message'>) {
  return <ErrorAlert message={message} className="admin-alert" />;
}

export interface NoticeProps {
  message: string | null | undefined;
}

/** A success or progress message, announced politely (never interrupting). */
export function Notice({ message }: NoticeProps) {
  return (
    <p role="status" className={message ? 'admin-notice' : 'admin-notice admin-notice--empty'}>
      {message ?? ''}
    </p>
  );
}
