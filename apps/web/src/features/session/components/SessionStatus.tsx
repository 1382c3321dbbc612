import { useTranslation } from 'react-i18next';
import { formatCountdown } from '../../../shared/format/format';

export interface SessionStatusProps {
  name: string;
  last4: string;
  secondsLeft: number;
}

export function SessionStatus({ name, last4, secondsLeft }: SessionStatusProps) {
  const { t } = useTranslation();
  return (
    <p className="session-status">
      <span>{t('session.status', { name, last4 })}</span>
      <span className="session-status__timer">
        {t('session.session')} <span role="timer">{formatCountdown(secondsLeft)}</span>
      </span>
    </p>
  );
}
