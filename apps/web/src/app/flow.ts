import { type CardReturned, type MenuScreen, type Receipt } from '../shared/flow/flow-types';

/**
 * The ATM's screen flow, in one place:
 *
 *   card ──cardInserted──▶ pin ──signedIn──▶ menu ──menuChosen──▶ balance | withdraw | deposit
 *     ▲                     │                 ▲  ▲                  | transfer | statements | change-pin
 *     │                     │                 │  └──backToMenu──────────┘         │
 *     │                     │                 └─anotherTransaction─ receipt ◀─completed─┘
 *     └──cardReturned───────┴─────────────── (from any screen: Exit, Done, expiry, lock)
 */
export type FlowState =
  | { screen: 'card'; returned?: CardReturned }
  | { screen: 'pin'; cardNumber: string }
  | { screen: 'menu' }
  | { screen: MenuScreen }
  | { screen: 'receipt'; receipt: Receipt };

export type FlowAction =
  | { type: 'cardInserted'; cardNumber: string }
  | { type: 'signedIn' }
  | { type: 'menuChosen'; screen: MenuScreen }
  | { type: 'backToMenu' }
  | { type: 'transactionCompleted'; receipt: Receipt }
  | { type: 'anotherTransaction' }
  | ({ type: 'cardReturned' } & CardReturned);

export const initialFlow: FlowState = { screen: 'card' };

const MENU_SCREENS: readonly string[] = [
  'balance',
  'withdraw',
  'deposit',
  'transfer',
  'statements',
  'change-pin',
];

function isMenuScreen(screen: FlowState['screen']): screen is MenuScreen {
  return MENU_SCREENS.includes(screen);
}

/** Actions that make no sense on the current screen leave it unchanged. */
export function flowReducer(state: FlowState, action: FlowAction): FlowState {
  switch (action.type) {
    case 'cardInserted':
      return state.screen === 'card' ? { screen: 'pin', cardNumber: action.cardNumber } : state;
    case 'signedIn':
      return state.screen === 'pin' ? { screen: 'menu' } : state;
    case 'menuChosen':
      return state.screen === 'menu' ? { screen: action.screen } : state;
    case 'backToMenu':
      return isMenuScreen(state.screen) ? { screen: 'menu' } : state;
    case 'transactionCompleted':
      return state.screen === 'withdraw' ||
        state.screen === 'deposit' ||
        state.screen === 'transfer'
        ? { screen: 'receipt', receipt: action.receipt }
        : state;
    case 'anotherTransaction':
      return state.screen === 'receipt' ? { screen: 'menu' } : state;
    case 'cardReturned':
      return state.screen === 'card'
        ? state
        : {
            screen: 'card',
            returned: { reason: action.reason, message: action.message, language: action.language },
          };
  }
}
