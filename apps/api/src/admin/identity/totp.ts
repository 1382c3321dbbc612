import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';

/** RFC 6238 as the contract fixes it: SHA-1, 6 digits, 30-second steps. */
const TOTP_PERIOD_SECONDS = 30;
const TOTP_DIGITS = 6;
/** One step of clock drift either way. */
const TOTP_DRIFT_STEPS = 1;
const ISSUER = 'Web ATM admin';

function totpFor(secretBase32: string, username = ''): TOTP {
  return new TOTP({
    issuer: ISSUER,
    label: username,
    algorithm: 'SHA1',
    digits: TOTP_DIGITS,
    period: TOTP_PERIOD_SECONDS,
    secret: Secret.fromBase32(secretBase32),
  });
}

export function totpStepAt(at: Date): number {
  return Math.floor(at.getTime() / 1000 / TOTP_PERIOD_SECONDS);
}

/**
 * The time step a code belongs to (within the drift window), or null when it matches none.
 * Only exactly six ASCII digits are tried: the library compares whatever it is given.
 */
export function matchTotpStep(secretBase32: string, code: string, at: Date): number | null {
  if (!/^[0-9]{6}$/.test(code)) return null;
  const delta = totpFor(secretBase32).validate({
    token: code,
    timestamp: at.getTime(),
    window: TOTP_DRIFT_STEPS,
  });
  return delta === null ? null : totpStepAt(at) + delta;
}

/** The code of a step (tests, and an authenticator app's view of the same secret). */
export function totpCodeAt(secretBase32: string, at: Date): string {
  return totpFor(secretBase32).generate({ timestamp: at.getTime() });
}

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

export function enrollmentUri(secretBase32: string, username: string): string {
  return totpFor(secretBase32, username).toString();
}

/**
 * TOTP secrets at rest: AES-256-GCM under a key derived from ADMIN_TOTP_KEY, stored as
 * `v1.<iv>.<tag>.<ciphertext>` (base64url). Tampering fails authentication.
 */
export class TotpSecretBox {
  private readonly key: Buffer;

  constructor(adminTotpKey: string) {
    this.key = createHash('sha256').update(`atm-admin-totp:${adminTotpKey}`).digest();
  }

  seal(secretBase32: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(secretBase32, 'utf8'), cipher.final()]);
    return ['v1', iv, cipher.getAuthTag(), body]
      .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
      .join('.');
  }

  open(sealed: string): string {
    const [version, iv, tag, body] = sealed.split('.');
    if (version !== 'v1' || !iv || !tag || body === undefined)
      throw new Error('not a sealed TOTP secret');
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([
      decipher.update(Buffer.from(body, 'base64url')),
      decipher.final(),
    ]).toString('utf8');
  }
}
