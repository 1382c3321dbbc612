import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { adminApi } from '../api/admin-api';
import { type AdminSession } from '../api/admin-session';
import { errorText } from '../api/errors';
import { Alert, Notice } from '../components/Alert';
import { Button } from '../components/Button';
import { InputField } from '../components/Field';
import { strings } from '../strings';

export interface SignInPageProps {
  /** Why the sign-in page is showing again (the session ended, or the admin signed out). */
  notice: string | null;
  onSignedIn: (session: AdminSession) => void;
}

export function SignInPage({ notice, onSignedIn }: SignInPageProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const login = useMutation({ mutationFn: adminApi.login });

  useEffect(() => {
    document.title = `${strings.signIn.title} · ${strings.product}`;
    heading.current?.focus();
  }, []);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (login.isPending) return;
    const totp = code.replace(/\s+/g, '');
    login.mutate(
      { username: username.trim(), password, ...(totp ? { totp } : {}) },
      {
        onSuccess: (answer) => {
          setPassword('');
          setCode('');
          onSignedIn({ token: answer.token, expiresAt: answer.expiresAt, admin: answer.admin });
        },
        // A code is used once: a failed sign-in asks for a fresh one.
        onError: () => setCode(''),
      },
    );
  };

  return (
    <main className="admin-signin" id="main">
      <form className="admin-signin__form" onSubmit={onSubmit} noValidate>
        <h1 ref={heading} tabIndex={-1} className="admin-signin__title">
          {strings.product}
        </h1>
        <p className="admin-signin__intro">{strings.signIn.intro}</p>
        <Notice message={notice} />
        <InputField
          label={strings.signIn.username}
          name="username"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          value={username}
          onText={setUsername}
        />
        <InputField
          label={strings.signIn.password}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onText={setPassword}
        />
        <InputField
          label={strings.signIn.oneTimeCode}
          hint={strings.signIn.oneTimeCodeHint}
          name="one-time-code"
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9 ]*"
          maxLength={7}
          value={code}
          onText={setCode}
        />
        <Alert message={errorText(login.error)} />
        <Button
          type="submit"
          variant="primary"
          disabled={login.isPending || !username.trim() || !password}
          aria-busy={login.isPending}
        >
          {strings.signIn.submit}
        </Button>
        {login.isPending ? <p className="admin-field__hint">{strings.signIn.pending}</p> : null}
      </form>
    </main>
  );
}
