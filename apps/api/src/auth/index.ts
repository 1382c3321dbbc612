// The auth module's public surface: other modules import from here, never a file inside.
export { AuthModule } from './auth.module';
export { CardsService } from './cards.service';
export { deleteDecayedUnknownCardAttempts, lockoutPolicy } from './pin-attempts';
export { PinHasher } from './pin-hasher';
export {
  CurrentPrincipal,
  CurrentSessionClaims,
  type Principal,
  type SessionClaims,
} from './principal';
export { SessionBeforeShapeInterceptor, SessionCheckedByCall } from './session-checked-by-call';
export { SessionGuard } from './session.guard';
export { type SessionCheck, sessionEndsAt, type SessionTimes } from './session-lifetime';
export {
  deleteOldSessions,
  isSessionRefusal,
  sessionRefused,
  type SessionRefusalCode,
  SessionsService,
} from './sessions.service';
export { TOKEN_ALGORITHM, TOKEN_ISSUER } from './token';
