import { createSecretKey, type KeyObject } from 'node:crypto';

/** Claims of the bearer token. The server-side session (sid) is what makes it valid. */
export interface TokenClaims {
  sub: string;
  sid: string;
  cid: string;
  l4: string;
}

export const TOKEN_ALGORITHM = 'HS256';
export const TOKEN_ISSUER = 'atm-api';
export const TOKEN_AUDIENCE = 'atm-web';

/**
 * The signing key as a KeyObject, made once: given a string, jsonwebtoken first tries to
 * parse it as a public key (and throws) on every single verification, which was the
 * largest cost of an authenticated request.
 */
export function signingKey(secret: string): KeyObject {
  return createSecretKey(Buffer.from(secret, 'utf8'));
}
