import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { DomainError, UUID_PATTERN } from '../common';
import { type AppConfig, APP_CONFIG } from '../config';
import { type RequestUser } from './principal';
import { sessionRefused, SessionsService } from './sessions.service';
import {
  signingKey,
  TOKEN_ALGORITHM,
  TOKEN_AUDIENCE,
  TOKEN_ISSUER,
  type TokenClaims,
} from './token';

/** Set by the session guard on routes marked `@SessionCheckedByCall()`. */
export interface DeferredSessionCheck {
  sessionCheckDeferred?: boolean;
}

/**
 * Bearer tokens: HS256 only (the algorithm is pinned, so `alg: none` and RS/HS confusion
 * are refused), issuer and audience checked, and then the server-side session must still
 * be alive.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly sessions: SessionsService,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // passport-jwt hands the key to jsonwebtoken, which takes a KeyObject too.
      secretOrKey: signingKey(config.secretKey) as unknown as Buffer,
      algorithms: [TOKEN_ALGORITHM],
      issuer: TOKEN_ISSUER,
      audience: TOKEN_AUDIENCE,
      ignoreExpiration: false,
      passReqToCallback: true,
    });
  }

  async validate(
    request: DeferredSessionCheck,
    claims: Partial<TokenClaims>,
  ): Promise<RequestUser> {
    if (
      typeof claims.sid !== 'string' ||
      !UUID_PATTERN.test(claims.sid) ||
      typeof claims.l4 !== 'string' ||
      typeof claims.sub !== 'string'
    ) {
      throw new DomainError('UNAUTHENTICATED', 'The token is not valid');
    }
    if (request.sessionCheckDeferred === true) {
      return {
        sessionId: claims.sid,
        customerId: claims.sub,
        cardLast4: claims.l4,
        sessionCheckDeferred: true,
      };
    }
    const result = await this.sessions.touch(claims.sid, claims.sub);
    if (result.kind === 'EXPIRED') throw sessionRefused('SESSION_EXPIRED');
    if (result.kind === 'ENDED') throw sessionRefused('UNAUTHENTICATED');
    return { ...result.session, cardLast4: claims.l4 };
  }
}
