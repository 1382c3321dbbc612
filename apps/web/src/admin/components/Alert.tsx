export interface AlertProps {
  message: string | null | undefined;
}

/** An error, announced at once: `role="alert"`, as the contract asks of every error. */
export function Alert({ message }: AlertProps) {
  if (!message) return null;
  return (
    <p role="alert" className="admin-alert">
      {message}
    </p>
  );
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
