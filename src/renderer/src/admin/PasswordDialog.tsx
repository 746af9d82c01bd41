// Resets a user's password; their sessions end, so they sign in again with the new one.
import { useState, type FormEvent } from 'react';
import { passwordSchema, type User } from '../../../shared/contracts/users-api';
import { Dialog } from '../components/Dialog';
import { controlProps, Field } from '../components/Field';
import { sentence, serverErrors } from './form-errors';

export function PasswordDialog({
  user,
  onSave,
  onClose,
}: {
  user: User;
  onSave: (password: string) => Promise<void>;
  onClose: () => void;
}) {
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFailure(null);
    const parsed = passwordSchema.safeParse(password);
    if (!parsed.success) {
      setError(sentence('Password', parsed.error.issues[0]!.message));
      return;
    }
    setError(undefined);
    setBusy(true);
    try {
      await onSave(password);
      onClose();
    } catch (err) {
      const { fields, form } = serverErrors(err, { password: 'Password' });
      setError(fields.password);
      setFailure(form);
      setBusy(false);
    }
  };

  return (
    <Dialog title={`Reset the password of ${user.username}`} onClose={onClose}>
      <form className="stack" onSubmit={(e) => void submit(e)} noValidate>
        <p className="muted">They are signed out everywhere and sign in again with the new password.</p>
        {failure && (
          <p className="form-error" role="alert">
            {failure}
          </p>
        )}
        <Field id="reset-password" label="New password" hint="At least 8 characters." error={error}>
          <input
            {...controlProps('reset-password', error, 'At least 8 characters.')}
            type="password"
            autoComplete="new-password"
            autoFocus
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </Field>
        <div className="button-row form-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={busy}>
            Set password
          </button>
        </div>
      </form>
    </Dialog>
  );
}
