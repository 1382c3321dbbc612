import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { createHmac, createSecretKey } from 'node:crypto';
import { type AppConfig, APP_CONFIG } from '../../config';
import { TOKEN_ALGORITHM, TOKEN_ISSUER } from '../../auth';
import { ADMIN_SESSION_MAX_SECONDS } from './admin-sessions.service';
import { UUID_PATTERN } from '../../common';

const ADMIN_TOKEN_AUDIENCE = 'atm-admin';
export interface AdminTokenClaims {
  sub: string;
  sid: string;
}

/**
 * Admin bearer tokens: HS256 under a key derived from SECRET_KEY for admins only, with an
 * audience of their own. A customer token fails this key's signature check, and an admin
 * token fails the customers' one, before either session table is even read.
 */
@Injectable()
export class AdminTokens {
  private readonly jwt: JwtService;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const key = createHmac('sha256', config.secretKey).update('atm-admin-session-key').digest();
    this.jwt = new JwtService({ secret: createSecretKey(key) });
  }

  sign(claims: AdminTokenClaims): Promise<string> {
    return this.jwt.signAsync(claims, {
      algorithm: TOKEN_ALGORITHM,
      issuer: TOKEN_ISSUER,
      audience: ADMIN_TOKEN_AUDIENCE,
      expiresIn: ADMIN_SESSION_MAX_SECONDS,
    });
  }

  /** The claims of a valid token, or null for anything else (bad signature, expired, wrong kind). */
  async verify(token: string): Promise<AdminTokenClaims | null> {
    try {
      const claims = await this.jwt.verifyAsync<Partial<AdminTokenClaims>>(token, {
        algorithms: [TOKEN_ALGORITHM],
        issuer: TOKEN_ISSUER,
        audience: ADMIN_TOKEN_AUDIENCE,
      });
      if (
        typeof claims.sub !== 'string' ||
        typeof claims.sid !== 'string' ||
        !UUID_PATTERN.test(claims.sid)
      )
        return null;
      return { sub: claims.sub, sid: claims.sid };
    } catch {
      return null;
    }
  }
}
