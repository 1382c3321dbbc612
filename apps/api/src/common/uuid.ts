/** A UUID in any letter case, as a client may send one (a path id, a token's session id). */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A UUID as PostgreSQL prints one (lower case): what the server itself hands out. */
export const CANONICAL_UUID_PATTERN = new RegExp(UUID_PATTERN.source);
