export interface StatusNoticeProps {
  /** The progress to tell; nothing is shown while it is null. */
  message: string | null;
}

/** Progress, told politely (`role="status"` never interrupts what a screen reader says). */
export function StatusNotice({ message }: StatusNoticeProps) {
  if (!message) return null;
  return (
    <p className="notice" role="status">
      {message}
    </p>
  );
}
