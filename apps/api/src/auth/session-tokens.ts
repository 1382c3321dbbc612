import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { type AppConfig, APP_CONFIG } from '../config';
import { TOKEN_ALGORITHM, TOKEN_AUDIENCE, TOKEN_ISSUER, type TokenClaims } from './token';

/**
 * Customers' bearer tokens, signed with the module's key (JwtStrategy checks them). A token
 * outlives no session: it expires with the session's absolute lifetime.
 */
@Injectable()
export class SessionTokens {
  constructor(
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  sign(claims: TokenClaims): Promise<string> {
    return this.jwt.signAsync(claims, {
      algorithm: TOKEN_ALGORITHM,
      issuer: TOKEN_ISSUER,
      audience: TOKEN_AUDIENCE,
      expiresIn: this.config.sessionMaxSeconds,
    });
  }

  /** How long a new session lives without activity: the answer's `expiresInSeconds`. */
  get firstExpirySeconds(): number {
    return Math.min(this.config.sessionTimeoutSeconds, this.config.sessionMaxSeconds);
  }
}
