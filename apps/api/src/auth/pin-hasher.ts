import * as argon2 from 'argon2';
import { Semaphore } from '../common';

/**
 * PINs are argon2id hashes with a server-side pepper (argon2's `secret` parameter), at
 * OWASP's minimum cost (19 MiB, 2 passes). Each hash holds 19 MiB while it runs, so a small
 * semaphore bounds how many run at once; a burst of sign-ins waits its turn instead of
 * exhausting memory.
 */
export const PIN_HASH_OPTIONS = {
  type: argon2.argon2id,
  memoryCost: 19 * 1024,
  timeCost: 2,
  parallelism: 1,
} as const;

export class PinHasher {
  private readonly semaphore: Semaphore;
  private readonly secret: Buffer;
  private dummyHash: Promise<string> | undefined;

  constructor(pepper: string, maxConcurrentHashes = 4) {
    this.secret = Buffer.from(pepper, 'utf8');
    this.semaphore = new Semaphore(maxConcurrentHashes);
  }

  hash(pin: string): Promise<string> {
    return this.semaphore.run(() => argon2.hash(pin, { ...PIN_HASH_OPTIONS, secret: this.secret }));
  }

  async verify(storedHash: string, pin: string): Promise<boolean> {
    return this.semaphore.run(async () => {
      try {
        return await argon2.verify(storedHash, pin, { secret: this.secret });
      } catch {
        return false;
      }
    });
  }

  /**
   * Spends the same time as a real verification, for card numbers that do not exist, so
   * the answer's timing does not tell whether a card exists.
   */
  async verifyAgainstDummy(pin: string): Promise<false> {
    this.dummyHash ??= this.hash('dummy-pin-never-matches');
    await this.verify(await this.dummyHash, pin);
    return false;
  }
}
