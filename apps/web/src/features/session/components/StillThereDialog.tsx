import { useEffect, useId, useRef, useState } from 'react';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { errorMessage } from '../../../shared/api/error-messages';
import { formatCountdown } from '../../../shared/format/format';

export interface StillThereDialogProps {
  secondsLeft: number;
  onContinue: () => Promise<void>;
}

export function StillThereDialog({ secondsLeft, onContinue }: StillThereDialogProps) {
  const titleId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    button.current?.focus();
  }, []);
  const onClick = async () => {
    setPending(true);
    setError(null);
    try {
      await onContinue();
    } catch (e) {
      setError(errorMessage(e, 'view'));
    } finally {
      setPending(false);
    }
  };
  return (
    <div className="overlay">
      <div className="dialog" role="dialog" aria-modal="true" aria-labelledby={titleId}>
        <h2 id={titleId} className="dialog__title">
          Are you still there?
        </h2>
        <p>
          For your security, this session ends in{' '}
          <span role="timer" className="dialog__timer">
            {formatCountdown(secondsLeft)}
          </span>
          . Your card will then be returned.
        </p>
        <ErrorAlert message={error} />
        <button
          ref={button}
          type="button"
          className="button button--primary"
          disabled={pending}
          onClick={() => void onClick()}
        >
          Continue
        </button>
      </div>
    </div>
  );
}
