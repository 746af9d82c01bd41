// Resets a user's password; their sessions end, so they sign in again with the new one.
import { useState } from 'react';
import { setPasswordRequestSchema, type User } from '../../../shared/contracts/users-api';
import { Dialog } from '../components/Dialog';
import { controlProps, Field } from '../components/Field';
import { checkWith, useFormSubmission } from './use-form-submission';

const LABELS = { password: 'Password' };

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
  const { errors, failure, busy, submit } = useFormSubmission(LABELS);
  const onSubmitForm = submit(
    () => checkWith(setPasswordRequestSchema, { password }, LABELS),
    async (checked) => {
      await onSave(checked.password);
      onClose();
    },
  );

  return (
    <Dialog title={`Reset the password of ${user.username}`} onClose={onClose}>
      <form className="stack" onSubmit={(e) => void onSubmitForm(e)} noValidate>
        <p className="muted">They are signed out everywhere and sign in again with the new password.</p>
        {failure && (
          <p className="form-error" role="alert">
            {failure}
          </p>
        )}
        <Field id="reset-password" label="New password" hint="At least 8 characters." error={errors.password}>
          <input
            {...controlProps('reset-password', errors.password, 'At least 8 characters.')}
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
