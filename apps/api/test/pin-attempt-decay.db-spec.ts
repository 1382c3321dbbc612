import { type ProblemDetails } from '@atm/contracts';
import { ManualClock } from '../src/common/clock';
import { HousekeepingService } from '../src/housekeeping/housekeeping.service';
import { DEMO, TestApp } from './support/test-app';

const LOCKOUT_SECONDS = 600;
const MAX_ATTEMPTS = 3;
/** Luhn-valid, and no card of the bank. */
const INVENTED_CARD = '4000000000000044';

/**
 * Wrong-PIN counters of real and invented card numbers decay alike: after the decay time
 * both answer as a fresh card does, so the answers never tell which numbers exist.
 */
describe('wrong-PIN counters decay alike for real and unknown cards', () => {
  let t: TestApp;
  const clock = new ManualClock('2026-03-02T10:00:00Z');

  beforeAll(async () => {
    t = await TestApp.start({
      clock,
      env: {
        LOCKOUT_DURATION_SECONDS: String(LOCKOUT_SECONDS),
        MAX_FAILED_PIN_ATTEMPTS: String(MAX_ATTEMPTS),
      },
    });
  });

  afterAll(async () => {
    await t.close();
  });

  function wrongPin(cardNumber: string) {
    return t.request<ProblemDetails & { attemptsRemaining?: number }>(
      'POST',
      '/api/v1/auth/login',
      { body: { cardNumber, pin: '0000' } },
    );
  }

  function answerOf(response: Awaited<ReturnType<typeof wrongPin>>) {
    return {
      status: response.status,
      code: response.body.code,
      attemptsRemaining: response.body.attemptsRemaining,
    };
  }

  it('answers the same after the decay time, with or without housekeeping in between', async () => {
    for (let i = 0; i < MAX_ATTEMPTS - 1; i += 1) {
      expect(answerOf(await wrongPin(DEMO.charlie.cardNumber))).toEqual(
        answerOf(await wrongPin(INVENTED_CARD)),
      );
    }
    const fresh = { status: 401, code: 'INVALID_CREDENTIALS', attemptsRemaining: MAX_ATTEMPTS - 1 };

    // Twice the lockout time later, both counters have decayed: a wrong PIN is the first.
    clock.advanceSeconds(2 * LOCKOUT_SECONDS + 1);
    await t.app.get(HousekeepingService).runOnce();
    const real = answerOf(await wrongPin(DEMO.charlie.cardNumber));
    const invented = answerOf(await wrongPin(INVENTED_CARD));
    expect(real).toEqual(invented);
    expect(real).toEqual(fresh);

    // And the same without a housekeeping run between (the rule is applied when counting).
    clock.advanceSeconds(2 * LOCKOUT_SECONDS + 1);
    const realAgain = answerOf(await wrongPin(DEMO.charlie.cardNumber));
    const inventedAgain = answerOf(await wrongPin(INVENTED_CARD));
    expect(realAgain).toEqual(inventedAgain);
    expect(realAgain).toEqual(fresh);
  });

  it('still locks both after the maximum within the decay time', async () => {
    clock.advanceSeconds(2 * LOCKOUT_SECONDS + 1);
    let real;
    let invented;
    for (let i = 0; i < MAX_ATTEMPTS; i += 1) {
      real = answerOf(await wrongPin(DEMO.charlie.cardNumber));
      invented = answerOf(await wrongPin(INVENTED_CARD));
      expect(real).toEqual(invented);
    }
    expect(real).toMatchObject({ status: 423, code: 'CARD_LOCKED' });
  });
});
