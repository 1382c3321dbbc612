import { amountKeypad } from './AmountField';
import { textKeypad } from './TextField';

describe('the keypad typing into a field', () => {
  it('adds a digit to a text, up to its length, drops the last and clears it', () => {
    const onText = jest.fn();
    textKeypad('12', onText, 3).onDigit?.('3');
    textKeypad('123', onText, 3).onDigit?.('4');
    textKeypad('123', onText).onBackspace?.();
    textKeypad('123', onText).onClear?.();
    expect(onText.mock.calls).toEqual([['123'], ['123'], ['12'], ['']]);
  });

  it('shifts cents in from the right, drops them and clears the amount', () => {
    const onChange = jest.fn();
    amountKeypad(125, onChange, 'cents').onDigit?.('0');
    amountKeypad(1250, onChange, 'cents').onBackspace?.();
    amountKeypad(1250, onChange, 'cents').onClear?.();
    expect(onChange.mock.calls).toEqual([[1250], [125], [0]]);
  });

  it('takes whole dollars for cash', () => {
    const onChange = jest.fn();
    amountKeypad(2000, onChange, 'dollars').onDigit?.('0');
    amountKeypad(20000, onChange, 'dollars').onBackspace?.();
    expect(onChange.mock.calls).toEqual([[20000], [2000]]);
  });
});
