import { useEffect, useId, useRef, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { errorMessage } from '../../../shared/api/error-messages';
import { formatCountdown } from '../../../shared/format/format';

export interface StillThereDialogProps {
  secondsLeft: number;
  onContinue: () => Promise<void>;
}

export function StillThereDialog({ secondsLeft, onContinue }: StillThereDialogProps) {
  const { t } = useTranslation();
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
          {t('session.stillThere')}
        </h2>
        <p>
          <Trans
            i18nKey="session.endsIn"
            values={{ time: formatCountdown(secondsLeft) }}
            components={{ timer: <span role="timer" className="dialog__timer" /> }}
          />
        </p>
        <ErrorAlert message={error} />
        <button
          ref={button}
          type="button"
          className="button button--primary"
          disabled={pending}
          onClick={() => void onClick()}
        >
          {t('session.continue')}
        </button>
      </div>
    </div>
  );
}
