/**
 * What customer and admin sessions share: each is a row behind a signed token that ends
 * at its idle timeout after the last use or at its absolute lifetime, whichever is first.
 */

/** When a session was started and last used: what its end is computed from. */
export interface SessionTimes {
  createdAt: Date;
  lastSeenAt: Date;
}

/** What checking a session answers: alive (with what it stands for), expired, or ended. */
export type SessionCheck<Alive> =
  ({ kind: 'ACTIVE' } & Alive) | { kind: 'EXPIRED' } | { kind: 'ENDED' };

export function sessionEndsAt(
  session: SessionTimes,
  idleSeconds: number,
  maxSeconds: number,
): Date {
  return new Date(
    Math.min(
      session.lastSeenAt.getTime() + idleSeconds * 1000,
      session.createdAt.getTime() + maxSeconds * 1000,
    ),
  );
}
