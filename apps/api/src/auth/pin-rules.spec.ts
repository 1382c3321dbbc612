import fc from 'fast-check';
import { findPinWeakness } from './pin-rules';

describe('PIN rules', () => {
  it.each([
    ['1111', 'ALL_SAME_DIGIT'],
    ['000000', 'ALL_SAME_DIGIT'],
    ['1234', 'STRAIGHT_RUN'],
    ['98765', 'STRAIGHT_RUN'],
    ['456789', 'STRAIGHT_RUN'],
    ['3210', 'STRAIGHT_RUN'],
    ['1212', 'COMMON_PIN'],
    ['1122', 'COMMON_PIN'],
    ['1357', 'COMMON_PIN'],
    ['2468', 'COMMON_PIN'],
    ['1004', 'COMMON_PIN'],
    ['2000', 'COMMON_PIN'],
    ['6969', 'COMMON_PIN'],
    ['123', 'NOT_4_TO_6_DIGITS'],
    ['1234567', 'NOT_4_TO_6_DIGITS'],
    ['12a4', 'NOT_4_TO_6_DIGITS'],
    ['１２３４', 'NOT_4_TO_6_DIGITS'],
  ])('%s is weak (%s)', (pin, weakness) => {
    expect(findPinWeakness(pin)).toBe(weakness);
  });

  it.each(['9012', '8901', '4821', '13579', '5679', '246810'])('%s is acceptable', (pin) => {
    expect(findPinWeakness(pin)).toBeUndefined();
  });

  it('refuses the current PIN', () => {
    expect(findPinWeakness('4821', '4821')).toBe('SAME_AS_CURRENT');
    expect(findPinWeakness('4821', '4822')).toBeUndefined();
  });

  it('never accepts anything but 4 to 6 ASCII digits (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), (candidate) => {
        if (!/^[0-9]{4,6}$/.test(candidate)) {
          expect(findPinWeakness(candidate)).toBe('NOT_4_TO_6_DIGITS');
        }
      }),
    );
  });
});
