import { Inject, Injectable, Logger } from '@nestjs/common';
import { type AdminLoginRequest } from '@atm/contracts';
import { Clock, isLoopbackAddress } from '../../common';
import { type AppConfig, APP_CONFIG } from '../../config';
import { AdminCredentials } from './admin-credentials';
import { type AdminUserRecord, AdminUsersService } from './admin-users.service';
import { matchTotpStep } from './totp';

/** Why an admin sign-in failed (audited; the answer is the same for every one). */
export type AdminRefusalReason =
  | 'UNKNOWN_USER'
  | 'DISABLED'
  | 'WRONG_PASSWORD'
  | 'DEMO_NOT_LOOPBACK'
  | 'TOTP_MISSING'
  | 'TOTP_WRONG'
  | 'TOTP_REUSED'
  | 'TOTP_NOT_ENROLLED';

/**
 * Checks what an administrator signs in with: the password, the account's state and address
 * rules, and the one-time code. Every check costs one argon2 verification, real or against a
 * dummy hash, so an unknown user name takes as long as a known one.
 */
@Injectable()
export class AdminCredentialCheck {
  private readonly logger = new Logger('AdminAuth');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly credentials: AdminCredentials,
    private readonly users: AdminUsersService,
  ) {}

  /**
   * Why this user may not sign in, or null. The code is checked last and its step is
   * claimed only when everything else is right, so a wrong password never burns a code.
   */
  async refusalReason(
    user: AdminUserRecord | undefined,
    given: Pick<AdminLoginRequest, 'password' | 'totp'>,
    clientIp: string,
  ): Promise<AdminRefusalReason | null> {
    if (!user) {
      await this.credentials.passwords.verifyAgainstDummy(given.password);
      return 'UNKNOWN_USER';
    }
    if (!(await this.credentials.passwords.verify(user.passwordHash, given.password)))
      return 'WRONG_PASSWORD';
    if (user.disabled) return 'DISABLED';
    if (user.isDemo && !isLoopbackAddress(clientIp)) return 'DEMO_NOT_LOOPBACK';
    if (user.totpSecretSealed === null) {
      return this.config.adminTotpRequired ? 'TOTP_NOT_ENROLLED' : null;
    }
    if (given.totp === undefined) return 'TOTP_MISSING';
    let secret: string;
    try {
      secret = this.credentials.totpSecrets.open(user.totpSecretSealed);
    } catch {
      // Sealed under another ADMIN_TOTP_KEY (or altered): no code can match; say so once per try.
      this.logger.warn(`the TOTP secret of an administrator does not open with ADMIN_TOTP_KEY`);
      return 'TOTP_WRONG';
    }
    const step = matchTotpStep(secret, given.totp, this.clock.now());
    if (step === null) return 'TOTP_WRONG';
    return (await this.users.claimTotpStep(user.id, step)) ? null : 'TOTP_REUSED';
  }
}
