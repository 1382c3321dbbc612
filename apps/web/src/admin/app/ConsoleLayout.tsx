import { type ReactNode } from 'react';
import { type AdminIdentity } from '../api/admin-types';
import { Button } from '../components/Button';
import { strings } from '../strings';
import { Link, pathFor } from './router';

export interface ConsoleLayoutProps {
  admin: AdminIdentity;
  signingOut: boolean;
  onSignOut: () => void;
  children: ReactNode;
}

const NAVIGATION = [
  { label: strings.nav.dashboard, to: pathFor({ page: 'dashboard' }) },
  { label: strings.nav.customers, to: pathFor({ page: 'customers' }) },
  { label: strings.nav.audit, to: pathFor({ page: 'audit' }) },
  { label: strings.nav.cash, to: pathFor({ page: 'cash' }) },
  { label: strings.nav.maintenance, to: pathFor({ page: 'maintenance' }) },
];

export function ConsoleLayout({ admin, signingOut, onSignOut, children }: ConsoleLayoutProps) {
  return (
    <div className="admin-shell">
      <a className="admin-skip" href="#main">
        {strings.skipToContent}
      </a>
      <header className="admin-header">
        <p className="admin-header__product">{strings.product}</p>
        <nav aria-label={strings.nav.label} className="admin-nav">
          <ul className="admin-nav__list">
            {NAVIGATION.map((item) => (
              <li key={item.to}>
                <Link to={item.to} className="admin-nav__link">
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="admin-header__session">
          <span>{strings.nav.signedInAs(admin.username, admin.role)}</span>
          <Button onClick={onSignOut} disabled={signingOut}>
            {strings.nav.signOut}
          </Button>
        </div>
      </header>
      <main id="main" className="admin-main">
        {children}
      </main>
    </div>
  );
}
