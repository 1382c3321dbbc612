export interface ErrorAlertProps {
  message: string | null | undefined;
}

/** Errors are announced: one `role="alert"` element with the sentence. */
export function ErrorAlert({ message }: ErrorAlertProps) {
  if (!message) return null;
  return (
    <p role="alert" className="alert">
      {message}
    </p>
  );
}
