import { type Receipt } from '../shared/flow/flow-types';
import { flowReducer, type FlowState, initialFlow } from './flow';

const receipt = {
  transaction: {
    id: 't',
    reference: 'R1',
    type: 'WITHDRAWAL',
    amountCents: 2000,
    accountId: 'a',
    balanceAfterCents: 0,
    createdAt: '',
  },
  account: { id: 'a', number: '100000010001', type: 'CHECKING' },
} as Receipt;

describe('flowReducer', () => {
  it('walks card → PIN → menu → a screen → receipt → menu', () => {
    let state: FlowState = initialFlow;
    state = flowReducer(state, { type: 'cardInserted', cardNumber: '4000000000000010' });
    expect(state).toEqual({ screen: 'pin', cardNumber: '4000000000000010' });
    state = flowReducer(state, { type: 'signedIn' });
    expect(state).toEqual({ screen: 'menu' });
    state = flowReducer(state, { type: 'menuChosen', screen: 'withdraw' });
    expect(state).toEqual({ screen: 'withdraw' });
    state = flowReducer(state, { type: 'transactionCompleted', receipt });
    expect(state).toEqual({ screen: 'receipt', receipt });
    state = flowReducer(state, { type: 'anotherTransaction' });
    expect(state).toEqual({ screen: 'menu' });
  });

  it('returns the card from any screen, with the reason', () => {
    for (const from of [
      { screen: 'pin', cardNumber: '1' },
      { screen: 'menu' },
      { screen: 'statements' },
      { screen: 'receipt', receipt },
    ] as FlowState[]) {
      expect(
        flowReducer(from, { type: 'cardReturned', reason: 'expired', language: 'fr' }),
      ).toEqual({
        screen: 'card',
        returned: { reason: 'expired', message: undefined, language: 'fr' },
      });
    }
  });

  it('ignores actions that make no sense where the customer is', () => {
    expect(flowReducer(initialFlow, { type: 'signedIn' })).toBe(initialFlow);
    expect(flowReducer({ screen: 'menu' }, { type: 'cardInserted', cardNumber: '1' })).toEqual({
      screen: 'menu',
    });
    expect(flowReducer({ screen: 'balance' }, { type: 'transactionCompleted', receipt })).toEqual({
      screen: 'balance',
    });
    expect(flowReducer({ screen: 'menu' }, { type: 'backToMenu' })).toEqual({ screen: 'menu' });
    expect(
      flowReducer({ screen: 'pin', cardNumber: '1' }, { type: 'menuChosen', screen: 'balance' }),
    ).toEqual({ screen: 'pin', cardNumber: '1' });
  });

  it('goes back to the menu from every menu screen', () => {
    for (const screen of [
      'balance',
      'withdraw',
      'deposit',
      'transfer',
      'statements',
      'change-pin',
    ] as const) {
      expect(flowReducer({ screen }, { type: 'backToMenu' })).toEqual({ screen: 'menu' });
    }
  });
});
