export interface ErrorAlertProps {
  message: string | null | undefined;
  /** The ATM's look by default; the admin console passes its own. */
  className?: string;
}

/** Errors are announced: one `role="alert"` element with the sentence. */
export function ErrorAlert({ message, className = 'alert' }: ErrorAlertProps) {
  if (!message) return null;
  return (
    <p role="alert" className={className}>
      {message}
    </p>
  );
}
