import { useEffect, useState } from 'react';
import { type ActiveSession } from './session-context';

/** The "are you still there?" warning: 20% of the idle timeout, at most 30 seconds. */
export function warningSecondsFor(idleSeconds: number): number {
  return Math.min(30, idleSeconds * 0.2);
}

export interface SessionCountdown {
  secondsLeft: number;
  warning: boolean;
  expired: boolean;
}

export function useSessionCountdown(
  session: ActiveSession | null,
  now: () => number = Date.now,
): SessionCountdown | null {
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (!session) return undefined;
    const timer = setInterval(() => setTick((t) => t + 1), 500);
    return () => clearInterval(timer);
  }, [session]);
  if (!session) return null;
  void tick;
  const secondsLeft = (session.expiresAt - now()) / 1000;
  return {
    secondsLeft,
    warning: secondsLeft > 0 && secondsLeft <= warningSecondsFor(session.idleSeconds),
    expired: secondsLeft <= 0,
  };
}
