import { Inject, Injectable } from '@nestjs/common';
import { type AppConfig, APP_CONFIG } from '../../config';
import { PinHasher } from '../../auth';
import { TotpSecretBox } from './totp';

/** How many argon2 hashes of admin passwords may run at once in this process. */
const MAX_CONCURRENT_PASSWORD_HASHES = 2;

/**
 * Admin passwords are argon2id with the server-side pepper (the same hasher as PINs, its own
 * semaphore so a burst of admin sign-ins never starves the ATM's); TOTP secrets are sealed
 * with ADMIN_TOTP_KEY.
 */
@Injectable()
export class AdminCredentials {
  readonly passwords: PinHasher;
  readonly totpSecrets: TotpSecretBox;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.passwords = new PinHasher(config.pinPepper, MAX_CONCURRENT_PASSWORD_HASHES);
    this.totpSecrets = new TotpSecretBox(config.adminTotpKey);
  }
}
