import { type LoginResponse } from '@atm/contracts';
import { lazy, Suspense, useCallback, useEffect, useReducer } from 'react';
import { useTranslation } from 'react-i18next';
import { PinScreen } from '../features/auth/components/PinScreen';
import { BalanceScreen } from '../features/accounts/components/BalanceScreen';
import { CardScreen } from '../features/card/components/CardScreen';
import { ChangePinScreen } from '../features/change-pin/components/ChangePinScreen';
import { DepositScreen } from '../features/deposit/components/DepositScreen';
import { type CardSlotState, Machine } from '../shared/machine/components/Machine';
import { Screen, ScreenStatusContext } from '../shared/machine/components/Screen';
import { MainMenu } from '../features/menu/components/MainMenu';
import { receiptPrintLines } from '../features/receipt/components/receipt-lines';
import { ReceiptScreen } from '../features/receipt/components/ReceiptScreen';
import { SessionStatus } from '../features/session/components/SessionStatus';
import { StillThereDialog } from '../features/session/components/StillThereDialog';
import { SessionProvider, useSession } from '../features/session/hooks/session-context';
import { useSessionCountdown } from '../features/session/hooks/useSessionCountdown';
import { TransferScreen } from '../features/transfer/components/TransferScreen';
import { WithdrawScreen } from '../features/withdraw/components/WithdrawScreen';
import { changeLanguage, currentLanguage } from '../shared/i18n/i18n';
import { AudioGuidanceProvider, useAudioGuidance } from '../shared/speech/audio-guidance';
import { type CardReturnReason, type Receipt } from '../shared/flow/flow-types';
import { StatusNotice } from '../shared/components/StatusNotice';
import { type FlowAction, flowReducer, type FlowState, initialFlow } from './flow';

// Statements pull in the most code and are used least: loaded on first use.
const StatementsScreen = lazy(() =>
  import('../features/statements/components/StatementsScreen').then((m) => ({
    default: m.StatementsScreen,
  })),
);

interface ScreensProps {
  state: FlowState;
  dispatch: (action: FlowAction) => void;
}

function Loading() {
  const { t } = useTranslation();
  return (
    <Screen title={t('common.oneMoment')}>
      <StatusNotice message={t('common.loading')} />
    </Screen>
  );
}

/** The screen for each state of the flow. */
function Screens({ state, dispatch }: ScreensProps) {
  const { session, signIn, end } = useSession();
  const backToMenu = () => dispatch({ type: 'backToMenu' });
  const exit = () => end('exit');
  const completed = {
    onBack: backToMenu,
    onCompleted: (receipt: Receipt) => dispatch({ type: 'transactionCompleted', receipt }),
  };
  switch (state.screen) {
    case 'card':
      return (
        <CardScreen
          returned={state.returned}
          onInsert={(cardNumber) => dispatch({ type: 'cardInserted', cardNumber })}
        />
      );
    case 'pin':
      return (
        <PinScreen
          cardNumber={state.cardNumber}
          onSignedIn={(login: LoginResponse) => {
            signIn(login);
            dispatch({ type: 'signedIn' });
          }}
          onCancel={() =>
            dispatch({ type: 'cardReturned', reason: 'cancelled', language: currentLanguage() })
          }
        />
      );
    case 'menu':
      return (
        <MainMenu
          customerName={session?.customer.name ?? ''}
          onChoose={(screen) => dispatch({ type: 'menuChosen', screen })}
          onExit={exit}
        />
      );
    case 'balance':
      return <BalanceScreen onBack={backToMenu} />;
    case 'withdraw':
      return <WithdrawScreen {...completed} />;
    case 'deposit':
      return <DepositScreen {...completed} />;
    case 'transfer':
      return <TransferScreen {...completed} />;
    case 'statements':
      return (
        <Suspense fallback={<Loading />}>
          <StatementsScreen onBack={backToMenu} />
        </Suspense>
      );
    case 'change-pin':
      return (
        <ChangePinScreen
          onBack={backToMenu}
          onDone={exit}
          onLocked={(message) => end('locked', message)}
        />
      );
    case 'receipt':
      return (
        <ReceiptScreen
          receipt={state.receipt}
          onAnother={() => dispatch({ type: 'anotherTransaction' })}
          onDone={exit}
        />
      );
  }
}

function AtmShell({ state, dispatch }: ScreensProps) {
  const { session, end, keepAlive } = useSession();
  // Every screen follows the session's language: a change re-renders the whole machine.
  useTranslation();
  const returnedFromSession = state.screen === 'card' ? state.returned : undefined;
  const { reset: resetAudio } = useAudioGuidance();
  useEffect(() => {
    // The language chosen holds until the card comes back; the next customer starts in
    // English, with audio guidance off.
    if (!returnedFromSession) return;
    if (currentLanguage() !== 'en') void changeLanguage('en');
    resetAudio();
  }, [returnedFromSession, resetAudio]);
  const countdown = useSessionCountdown(session);
  const expired = countdown?.expired ?? false;
  useEffect(() => {
    if (expired) end('expired');
  }, [expired, end]);

  const card: CardSlotState =
    state.screen === 'card' ? (state.returned ? 'returned' : 'empty') : 'inside';
  const receipt = state.screen === 'receipt' ? state.receipt : undefined;
  const warning = countdown?.warning ?? false;
  return (
    <ScreenStatusContext.Provider
      value={
        session && countdown ? (
          <SessionStatus
            name={session.customer.name}
            last4={session.card.last4}
            secondsLeft={countdown.secondsLeft}
          />
        ) : null
      }
    >
      <Machine
        card={card}
        notes={receipt?.notes}
        receiptLines={receipt ? receiptPrintLines(receipt) : undefined}
        interactive={!warning}
      >
        <Screens state={state} dispatch={dispatch} />
      </Machine>
      {warning && countdown ? (
        <StillThereDialog secondsLeft={countdown.secondsLeft} onContinue={keepAlive} />
      ) : null}
    </ScreenStatusContext.Provider>
  );
}

/** The ATM: one flow reducer for the screens, one session, one machine. */
export function AtmApp() {
  const [state, dispatch] = useReducer(flowReducer, initialFlow);
  const onEnded = useCallback(
    (reason: CardReturnReason, message?: string) =>
      dispatch({ type: 'cardReturned', reason, message, language: currentLanguage() }),
    [],
  );
  return (
    <SessionProvider onEnded={onEnded}>
      <AudioGuidanceProvider>
        <AtmShell state={state} dispatch={dispatch} />
      </AudioGuidanceProvider>
    </SessionProvider>
  );
}
