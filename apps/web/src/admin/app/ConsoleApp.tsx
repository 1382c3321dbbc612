import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { adminApi } from '../api/admin-api';
import { onSessionLost } from '../api/admin-http';
import { type AdminSession, sessionStore } from '../api/admin-session';
import { AuditPage } from '../pages/AuditPage';
import { CashPage } from '../pages/CashPage';
import { CustomerPage } from '../pages/CustomerPage';
import { CustomersPage } from '../pages/CustomersPage';
import { DashboardPage } from '../pages/DashboardPage';
import { MaintenancePage } from '../pages/MaintenancePage';
import { NotFoundPage } from '../pages/NotFoundPage';
import { SignInPage } from '../pages/SignInPage';
import { strings } from '../strings';
import { ConsoleLayout } from './ConsoleLayout';
import { type Route, parseRoute, useNavigation } from './router';

function PageFor({ route }: { route: Route }) {
  switch (route.page) {
    case 'dashboard':
      return <DashboardPage />;
    case 'customers':
      return <CustomersPage />;
    case 'customer':
      return <CustomerPage key={route.id} id={route.id} />;
    case 'audit':
      return <AuditPage />;
    case 'cash':
      return <CashPage />;
    case 'maintenance':
      return <MaintenancePage />;
    case 'not-found':
      return <NotFoundPage />;
  }
}

/**
 * Signed out, every console address shows the sign-in page (and, signed in, the page the
 * address names); when the server says the session is over, the console returns here.
 */
export function ConsoleApp() {
  const client = useQueryClient();
  const { pathname } = useNavigation();
  const [session, setSession] = useState<AdminSession | null>(() => sessionStore.read());
  const [notice, setNotice] = useState<string | null>(null);
  const [signingOut, setSigningOut] = useState(false);

  const endSession = useCallback(
    (message: string) => {
      sessionStore.clear();
      client.clear();
      setSession(null);
      setNotice(message);
    },
    [client],
  );

  useEffect(
    () =>
      onSessionLost((code) =>
        endSession(
          code === 'SESSION_EXPIRED' ? strings.signIn.sessionTimedOut : strings.signIn.sessionEnded,
        ),
      ),
    [endSession],
  );

  const onSignedIn = (next: AdminSession) => {
    sessionStore.write(next);
    setNotice(null);
    setSession(next);
  };

  const onSignOut = async () => {
    setSigningOut(true);
    try {
      await adminApi.logout();
    } catch {
      // The session ends here whatever the server answered (it may have ended already).
    } finally {
      setSigningOut(false);
      endSession(strings.signIn.signedOut);
    }
  };

  if (!session) return <SignInPage notice={notice} onSignedIn={onSignedIn} />;
  return (
    <ConsoleLayout admin={session.admin} signingOut={signingOut} onSignOut={() => void onSignOut()}>
      <PageFor route={parseRoute(pathname)} />
    </ConsoleLayout>
  );
}
