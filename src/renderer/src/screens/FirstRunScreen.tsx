// First run: the generated admin password, shown once, and a new one to replace it.
import { useState, type FormEvent } from 'react';
import { ApiError } from '../../../shared/contracts/api';
import { passwordSchema } from '../../../shared/contracts/users-api';
import { useApi } from '../api/api-context';
import { controlProps, Field } from '../components/Field';
import { Logo } from '../components/Logo';
import { useSession } from '../session/SessionProvider';
import { failureText } from '../format/failure-text';

const ADMIN = 'admin';

export function FirstRunScreen({
  generatedPassword,
  onDone,
}: {
  generatedPassword: string;
  onDone: () => void;
}) {
  const api = useApi();
  const { session, signIn } = useSession();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const next: Record<string, string> = {};
    const checked = passwordSchema.safeParse(password);
    if (!checked.success) next.password = `The password ${checked.error.issues[0]!.message}.`;
    else if (password === generatedPassword)
      next.password = 'Choose a password other than the generated one.';
    if (!next.password && repeat !== password) next.repeat = 'The two passwords differ.';
    setErrors(next);
    setFailure(null);
    if (Object.keys(next).length) return;
    setBusy(true);
    try {
      const admin =
        session.phase === 'signed-in'
          ? session.user
          : await signIn({ username: ADMIN, password: generatedPassword });
      await api.invoke('user-password-set', { id: admin.id, password });
      // Setting a password ends that user's sessions: sign in again with the new one.
      await signIn({ username: admin.username, password });
      await api.invoke('first-run-complete', undefined);
      onDone();
    } catch (err) {
      setBusy(false);
      if (err instanceof ApiError && err.fields?.password)
        setErrors({ password: `The password ${err.fields.password}.` });
      else setFailure(failureText(err));
    }
  };

  return (
    <main className="centred">
      <form
        className="centred-card"
        onSubmit={(e) => void submit(e)}
        noValidate
        aria-labelledby="first-run-title"
      >
        <div className="centred-brand">
          <Logo /> WattDesk
        </div>
        <div>
          <h1 id="first-run-title">Welcome to WattDesk</h1>
          <p className="muted">
            An administrator account was created for you. Replace its password to begin.
          </p>
        </div>
        <div className="generated" aria-label="Generated admin account">
          <p>
            Username: <strong>{ADMIN}</strong>
          </p>
          <p>
            Generated password: <code data-testid="generated-password">{generatedPassword}</code>
          </p>
          <p className="field-hint">Shown only until you set a new one.</p>
        </div>
        {failure && (
          <p className="form-error" role="alert">
            {failure}
          </p>
        )}
        {/* For password managers: the account whose password this is. */}
        <input type="text" name="username" autoComplete="username" value={ADMIN} readOnly hidden />
        <Field id="new-password" label="New password" hint="At least 8 characters." error={errors.password}>
          <input
            {...controlProps('new-password', errors.password, 'At least 8 characters.')}
            type="password"
            autoComplete="new-password"
            autoFocus
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </Field>
        <Field id="repeat-password" label="Repeat the new password" error={errors.repeat}>
          <input
            {...controlProps('repeat-password', errors.repeat)}
            type="password"
            autoComplete="new-password"
            value={repeat}
            onChange={(e) => setRepeat(e.target.value)}
          />
        </Field>
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? 'Saving…' : 'Set password and continue'}
        </button>
      </form>
    </main>
  );
}
