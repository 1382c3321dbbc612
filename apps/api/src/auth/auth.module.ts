import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { type AppConfig, APP_CONFIG } from '../config';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { CardsService } from './cards.service';
import { SecretHashers } from './secret-hashers';
import { JwtStrategy } from './jwt.strategy';
import { SessionGuard } from './session.guard';
import { SessionsService } from './sessions.service';
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
  providers: [AuthService, CardsService, SecretHashers, JwtStrategy, SessionGuard, SessionsService],
  exports: [CardsService, SessionsService, SessionGuard, SecretHashers],
})
export class AuthModule {}
