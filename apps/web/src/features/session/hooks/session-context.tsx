import { type CardSummary, type CustomerSummary, type LoginResponse } from '@atm/contracts';
import { useQueryClient } from '@tanstack/react-query';
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { type CardReturnReason } from '../../../shared/flow/flow-types';
import { setSessionHooks, tokenStore } from '../../../shared/api/http';
import { authApi } from '../../auth';

export interface ActiveSession {
  customer: CustomerSummary;
  card: CardSummary;
  /** The idle timeout the server gave at sign-in. */
  idleSeconds: number;
  /** When the session idles out, in this browser's clock (ms). */
  expiresAt: number;
}

export interface SessionApi {
  session: ActiveSession | null;
  signIn: (login: LoginResponse) => void;
  /** Ends the session (logging out on Exit) and returns the card. */
  end: (reason: CardReturnReason, message?: string) => void;
  keepAlive: () => Promise<void>;
}

const SessionContext = createContext<SessionApi | null>(null);

export function useSession(): SessionApi {
  const api = useContext(SessionContext);
  if (!api) throw new Error('useSession outside SessionProvider');
  return api;
}

export interface SessionProviderProps {
  children: ReactNode;
  onEnded: (reason: CardReturnReason, message?: string) => void;
  now?: () => number;
}

/** Margin so the screen resets just before the server would refuse the token. */
const CLOCK_MARGIN_MS = 500;

export function SessionProvider({ children, onEnded, now = Date.now }: SessionProviderProps) {
  const queryClient = useQueryClient();
  const [session, setSession] = useState<ActiveSession | null>(null);
  /** The absolute end (SESSION_MAX_SECONDS) once the server has shown it to us. */
  const capAt = useRef<number | null>(null);
  const onEndedRef = useRef(onEnded);
  useEffect(() => {
    onEndedRef.current = onEnded;
  });

  const end = useCallback(
    (reason: CardReturnReason, message?: string) => {
      const token = tokenStore.get();
      if (token && reason === 'exit') {
        // Best effort: the token is forgotten either way.
        void authApi.logout().catch(() => undefined);
      }
      tokenStore.set(null);
      capAt.current = null;
      queryClient.clear();
      setSession(null);
      onEndedRef.current(reason, message);
    },
    [queryClient],
  );

  const signIn = useCallback(
    (login: LoginResponse) => {
      tokenStore.set(login.accessToken);
      capAt.current = null;
      setSession({
        customer: login.customer,
        card: login.card,
        idleSeconds: login.expiresInSeconds,
        expiresAt: now() + login.expiresInSeconds * 1000 - CLOCK_MARGIN_MS,
      });
    },
    [now],
  );

  const keepAlive = useCallback(async () => {
    const { expiresAt } = await authApi.keepalive();
    const serverEnd = Date.parse(expiresAt) - CLOCK_MARGIN_MS;
    setSession((current) => {
      if (!current) return current;
      // Less than a full idle window means the absolute lifetime is near: remember it.
      if (serverEnd < now() + current.idleSeconds * 1000 - 2000) capAt.current = serverEnd;
      return { ...current, expiresAt: serverEnd };
    });
  }, [now]);

  useEffect(() => {
    setSessionHooks({
      // Every authenticated request is activity on the server: the idle window restarts.
      onActivity: () =>
        setSession((current) =>
          current
            ? {
                ...current,
                expiresAt: Math.min(
                  capAt.current ?? Number.POSITIVE_INFINITY,
                  now() + current.idleSeconds * 1000 - CLOCK_MARGIN_MS,
                ),
              }
            : current,
        ),
      onSessionLost: (code) => {
        if (tokenStore.get()) end(code === 'SESSION_EXPIRED' ? 'expired' : 'signed-out');
      },
    });
  }, [end, now]);

  const value = useMemo(
    () => ({ session, signIn, end, keepAlive }),
    [session, signIn, end, keepAlive],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
