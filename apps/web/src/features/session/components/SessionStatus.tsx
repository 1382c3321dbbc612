import { formatCountdown } from '../../../shared/format/format';

export interface SessionStatusProps {
  name: string;
  last4: string;
  secondsLeft: number;
}

export function SessionStatus({ name, last4, secondsLeft }: SessionStatusProps) {
  return (
    <p className="session-status">
      <span>
        {name} · card ending {last4}
      </span>
      <span className="session-status__timer">
        Session <span role="timer">{formatCountdown(secondsLeft)}</span>
      </span>
    </p>
  );
}
