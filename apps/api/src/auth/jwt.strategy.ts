import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { DomainError } from '../common/domain-error';
import { type AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { type Principal } from './principal';
import { SessionsService } from './sessions.service';
import {
  signingKey,
  TOKEN_ALGORITHM,
  TOKEN_AUDIENCE,
  TOKEN_ISSUER,
  type TokenClaims,
} from './token';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

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
    });
  }

  async validate(claims: Partial<TokenClaims>): Promise<Principal> {
    if (
      typeof claims.sid !== 'string' ||
      !UUID.test(claims.sid) ||
      typeof claims.l4 !== 'string' ||
      typeof claims.sub !== 'string'
    ) {
      throw new DomainError('UNAUTHENTICATED', 'The token is not valid');
    }
    const result = await this.sessions.touch(claims.sid);
    if (result.kind === 'EXPIRED') {
      throw new DomainError(
        'SESSION_EXPIRED',
        'The session has expired. Please insert your card again.',
      );
    }
    if (result.kind === 'ENDED' || result.session.customerId !== claims.sub) {
      throw new DomainError(
        'UNAUTHENTICATED',
        'The session has ended. Please insert your card again.',
      );
    }
    return { ...result.session, cardLast4: claims.l4 };
  }
}
