// Sign-in: username and password, the reason a session ended, and what went wrong.
import { useState, type FormEvent } from 'react';
import { ApiError } from '../../../shared/contracts/api';
import { controlProps, Field } from '../components/Field';
import { Logo } from '../components/Logo';
import { useSession } from '../session/SessionProvider';
import { failureText } from '../format/failure-text';

export function SignInScreen({ notice }: { notice?: string }) {
  const { signIn } = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const missing: Record<string, string> = {};
    if (!username.trim()) missing.username = 'Enter your username.';
    if (!password) missing.password = 'Enter your password.';
    setErrors(missing);
    setFailure(null);
    if (Object.keys(missing).length) return;
    setBusy(true);
    try {
      await signIn({ username: username.trim(), password });
    } catch (err) {
      setBusy(false);
      if (err instanceof ApiError && err.status === 401) setFailure('Wrong username or password.');
      else setFailure(failureText(err));
    }
  };

  return (
    <main className="centred">
      <form
        className="centred-card"
        onSubmit={(e) => void submit(e)}
        noValidate
        aria-labelledby="sign-in-title"
      >
        <div className="centred-brand">
          <Logo /> WattDesk
        </div>
        <div>
          <h1 id="sign-in-title">Sign in</h1>
          <p className="muted">Hour-by-hour electricity, with live over-limit alerts.</p>
        </div>
        {notice && (
          <p className="muted" role="status">
            {notice}
          </p>
        )}
        {failure && (
          <p className="form-error" role="alert">
            {failure}
          </p>
        )}
        <Field id="username" label="Username" error={errors.username}>
          <input
            {...controlProps('username', errors.username)}
            type="text"
            name="username"
            autoComplete="username"
            autoFocus
            value={username}
            onChange={(e) => setUsername(e.target.value)}
          />
        </Field>
        <Field id="password" label="Password" error={errors.password}>
          <input
            {...controlProps('password', errors.password)}
            type="password"
            name="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </Field>
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
