import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { type AppConfig, APP_CONFIG } from '../config';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { CardsService } from './cards.service';
import { SecretHashers } from './secret-hashers';
import { JwtStrategy } from './jwt.strategy';
import { PinChangeService } from './pin-change.service';
import { SessionGuard } from './session.guard';
import { SessionTokens } from './session-tokens';
import { SessionsService } from './sessions.service';
import { SignInAttempts } from './sign-in-attempts';
import { signingKey } from './token';

@Module({
  imports: [
    PassportModule.register({ session: false }),
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({ secret: signingKey(config.secretKey) }),
    }),
  ],
  controllers: [AuthController],
  providers: [
    AuthService,
    CardsService,
    JwtStrategy,
    PinChangeService,
    SecretHashers,
    SessionGuard,
    SessionTokens,
    SessionsService,
    SignInAttempts,
  ],
  exports: [CardsService, SessionsService, SessionGuard, SecretHashers],
})
export class AuthModule {}
