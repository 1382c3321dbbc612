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
