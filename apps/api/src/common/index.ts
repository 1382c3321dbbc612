// Shared building blocks with no domain of their own. Nothing here imports a domain module
// or `web/` (the lint rule in eslint.config.mjs holds that).
export { type AdminActor } from './admin-actor';
export { AdminApi, isAdminRoute, requiredAdminRole, RequiresRole } from './admin-route';
export { BANK } from './bank';
export { BusinessCalendar } from './business-calendar';
export { Clock } from './clock';
export { ClockModule } from './clock.module';
export { isLockTimeout, isTransientTransactionError, isUniqueViolation } from './database-errors';
export { DomainError, notFound, validationFailed } from './domain-error';
export { freeTextProblem, IsFreeText } from './free-text';
export { retryOnLockTimeout } from './lock-retry';
export { isLoopbackAddress, NetworkAllowlist } from './network-allowlist';
export {
  type ClientRouteFallback,
  mapError,
  ProblemDetailsFilter,
  toProblem,
} from './problem-details.filter';
export { ApiIdempotencyKeyHeader } from './idempotency-key-header';
export { IS_PUBLIC_KEY, Public } from './public.decorator';
export { QueryParametersInterceptor } from './query-parameters.interceptor';
export {
  isApiPath,
  isApiRequest,
  isCustomerApiRoute,
  matchedRoute,
  requestPath,
} from './request-route';
export { Semaphore } from './semaphore';
export { useStrictJsonBodies } from './strict-json-body';
export { CANONICAL_UUID_PATTERN, UUID_PATTERN } from './uuid';
export { UuidParamPipe } from './uuid-param.pipe';
export { StrictValidationPipe } from './validation.pipe';
