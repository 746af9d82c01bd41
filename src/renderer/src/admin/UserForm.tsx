// A new account: username, display name, role and first password, checked here and by the server.
import { useState } from 'react';
import type { Role } from '../../../shared/contracts/auth';
import { createUserRequestSchema, type CreateUserRequest } from '../../../shared/contracts/users-api';
import { controlProps, Field } from '../components/Field';
import { checkWith, useFormSubmission } from './use-form-submission';

const LABELS = { username: 'Username', display_name: 'Display name', role: 'Role', password: 'Password' };

export function UserForm({
  onSubmit,
  onCancel,
}: {
  onSubmit: (user: CreateUserRequest) => Promise<void>;
  onCancel: () => void;
}) {
  const [values, setValues] = useState<CreateUserRequest>({
    username: '',
    display_name: '',
    role: 'client',
    password: '',
  });
  const { errors, failure, busy, submit } = useFormSubmission(LABELS);
  const set = (name: keyof CreateUserRequest) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [name]: e.target.value }));
  const onSubmitForm = submit(() => checkWith(createUserRequestSchema, values, LABELS), onSubmit);

  return (
    <form className="stack" onSubmit={(e) => void onSubmitForm(e)} noValidate aria-label="New user">
      {failure && (
        <p className="form-error" role="alert">
          {failure}
        </p>
      )}
      <Field id="user-username" label={LABELS.username} error={errors.username}>
        <input
          {...controlProps('user-username', errors.username)}
          type="text"
          autoComplete="off"
          autoFocus
          value={values.username}
          onChange={set('username')}
        />
      </Field>
      <Field id="user-display-name" label={LABELS.display_name} error={errors.display_name}>
        <input
          {...controlProps('user-display-name', errors.display_name)}
          type="text"
          autoComplete="off"
          value={values.display_name}
          onChange={set('display_name')}
        />
      </Field>
      <Field id="user-role" label={LABELS.role} error={errors.role}>
        <select
          {...controlProps('user-role', errors.role)}
          value={values.role}
          onChange={(e) => setValues((v) => ({ ...v, role: e.target.value as Role }))}
        >
          <option value="client">Client: sees their own devices</option>
          <option value="admin">Admin: manages users and devices</option>
          <option value="service">Service: machine access for a standalone service</option>
        </select>
      </Field>
      <Field id="user-password" label={LABELS.password} hint="At least 8 characters." error={errors.password}>
        <input
          {...controlProps('user-password', errors.password, 'At least 8 characters.')}
          type="password"
          autoComplete="new-password"
          value={values.password}
          onChange={set('password')}
        />
      </Field>
      <div className="button-row form-actions">
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? 'Creating…' : 'Create user'}
        </button>
      </div>
    </form>
  );
}
