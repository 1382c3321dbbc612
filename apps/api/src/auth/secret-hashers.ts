import { Inject, Injectable } from '@nestjs/common';
import { type AppConfig, APP_CONFIG } from '../config';
import { CardNumberHasher } from './card-number-hasher';
import { PinHasher } from './pin-hasher';

/** How many argon2 hashes may run at once in this process (19 MiB each). */
const MAX_CONCURRENT_PIN_HASHES = 4;

/** The card-number hasher and PIN hasher of this process, keyed by the configured secrets. */
@Injectable()
export class SecretHashers {
  readonly cardNumbers: CardNumberHasher;
  readonly pins: PinHasher;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.cardNumbers = new CardNumberHasher(config.cardHashKey);
    this.pins = new PinHasher(config.pinPepper, MAX_CONCURRENT_PIN_HASHES);
  }
}
