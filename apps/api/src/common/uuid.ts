import { UUID_PATTERN } from '@atm/contracts';

export { UUID_PATTERN };

/** A UUID as PostgreSQL prints one (lower case): what the server itself hands out. */
export const CANONICAL_UUID_PATTERN = new RegExp(UUID_PATTERN.source);
