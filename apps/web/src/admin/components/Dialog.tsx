import { type KeyboardEvent, type ReactNode, useEffect, useId, useRef } from 'react';
import { errorText } from '../api/errors';
import { strings } from '../strings';
import { Alert } from './Alert';
import { Button } from './Button';
import { focusableIn } from './focusable';

export interface ConfirmDialogProps {
  title: string;
  children: ReactNode;
  /**
   * The confirmed action's request (a mutation): while it runs both buttons wait, its
   * refusal shows in the dialog, and cancelling forgets it.
   */
  action: { isPending: boolean; error: unknown; reset: () => void };
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * A modal confirmation: focus moves into it (to "Cancel", the safe choice), Tab and
 * Shift+Tab stay inside, Escape cancels, and focus returns to what opened it.
 */
export function ConfirmDialog({
  title,
  children,
  action,
  onConfirm,
  onCancel,
}: ConfirmDialogProps) {
  const pending = action.isPending;
  const dismiss = () => {
    action.reset();
    onCancel();
  };
  const titleId = useId();
  const textId = useId();
  const dialog = useRef<HTMLDivElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    cancel.current?.focus();
    return () => {
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      if (!pending) dismiss();
      return;
    }
    if (event.key !== 'Tab' || !dialog.current) return;
    const items = focusableIn(dialog.current);
    const first = items[0];
    const last = items[items.length - 1];
    if (!first || !last) {
      event.preventDefault();
      return;
    }
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  return (
    <div className="admin-overlay">
      <div
        ref={dialog}
        className="admin-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={textId}
        onKeyDown={onKeyDown}
      >
        <h2 id={titleId} className="admin-dialog__title">
          {title}
        </h2>
        <div id={textId} className="admin-dialog__text">
          {children}
        </div>
        <Alert message={errorText(action.error)} />
        <div className="admin-dialog__actions">
          <Button ref={cancel} onClick={dismiss} disabled={pending}>
            {strings.common.cancel}
          </Button>
          <Button variant="primary" onClick={onConfirm} disabled={pending} aria-busy={pending}>
            {strings.common.confirm}
          </Button>
        </div>
      </div>
    </div>
  );
}
