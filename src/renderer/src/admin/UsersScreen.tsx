// Administration of accounts: list, create, change role, reset password, delete (after a confirmation).
import { useState } from 'react';
import type { Role } from '../../../shared/contracts/auth';
import type { User } from '../../../shared/contracts/users-api';
import { useApi } from '../api/api-context';
import { PageHeading } from '../app/PageHeading';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { Dialog } from '../components/Dialog';
import { Skeleton } from '../components/Skeleton';
import { useLoad } from '../hooks/use-load';
import { useLive } from '../live/LiveProvider';
import { useUser } from '../session/SessionProvider';
import { PasswordDialog } from './PasswordDialog';
import { UserForm } from './UserForm';
import { failureText } from '../format/failure-text';

type Open = { kind: 'create' } | { kind: 'password'; user: User } | { kind: 'delete'; user: User } | null;

export function UsersScreen() {
  const api = useApi();
  const me = useUser();
  const { reloadDevices } = useLive();
  const users = useLoad(() => api.invoke('users-list', undefined), [api]);
  const [open, setOpen] = useState<Open>(null);
  const [notice, setNotice] = useState<{ text: string; error?: boolean } | null>(null);

  const changeRole = async (user: User, role: Role) => {
    setNotice(null);
    try {
      const updated = await api.invoke('user-update', { id: user.id, changes: { role } });
      users.update((list) => list.map((u) => (u.id === updated.id ? updated : u)));
      setNotice({ text: `${updated.username} is now ${role === 'admin' ? 'an admin' : `a ${role}`}.` });
    } catch (err) {
      setNotice({ text: failureText(err), error: true });
      users.reload();
    }
  };

  return (
    <div className="page">
      <PageHeading
        title="Users"
        subtitle="Clients see their own devices; admins manage accounts and devices."
        actions={
          <button type="button" className="button button-primary" onClick={() => setOpen({ kind: 'create' })}>
            Add user
          </button>
        }
      />
      {notice && (
        <p className={notice.error ? 'form-error' : 'notice'} role={notice.error ? 'alert' : 'status'}>
          {notice.text}
        </p>
      )}
      {users.error ? (
        <div className="panel empty-state" role="alert">
          <p>{users.error.error}</p>
        </div>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Users</caption>
            <thead>
              <tr>
                <th scope="col">Username</th>
                <th scope="col">Display name</th>
                <th scope="col">Role</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {!users.data
                ? [0, 1, 2].map((i) => (
                    <tr key={i}>
                      <td colSpan={4}>
                        <Skeleton height={30} />
                      </td>
                    </tr>
                  ))
                : users.data.map((user) => (
                    <tr key={user.id} data-testid="user-row">
                      <th scope="row">
                        {user.username}
                        {user.id === me.id && <span className="muted"> (you)</span>}
                      </th>
                      <td>{user.display_name}</td>
                      <td>
                        <select
                          aria-label={`Role of ${user.username}`}
                          className="inline-select"
                          value={user.role}
                          onChange={(e) => void changeRole(user, e.target.value as Role)}
                        >
                          <option value="client">Client</option>
                          <option value="admin">Admin</option>
                          <option value="service">Service</option>
                        </select>
                      </td>
                      <td className="row-actions">
                        <button
                          type="button"
                          className="button button-small"
                          onClick={() => setOpen({ kind: 'password', user })}
                        >
                          Reset password
                        </button>
                        <button
                          type="button"
                          className="button button-small"
                          onClick={() => setOpen({ kind: 'delete', user })}
                          disabled={user.id === me.id}
                          title={user.id === me.id ? 'You cannot delete your own account' : undefined}
                        >
                          Delete
                        </button>
                      </td>
                    </tr>
                  ))}
            </tbody>
          </table>
        </div>
      )}

      {open?.kind === 'create' && (
        <Dialog title="Add a user" onClose={() => setOpen(null)}>
          <UserForm
            onCancel={() => setOpen(null)}
            onSubmit={async (request) => {
              const created = await api.invoke('user-create', request);
              users.update((list) => [...list, created]);
              setNotice({ text: `Created ${created.username}.` });
              setOpen(null);
            }}
          />
        </Dialog>
      )}
      {open?.kind === 'password' && (
        <PasswordDialog
          user={open.user}
          onClose={() => setOpen(null)}
          onSave={async (password) => {
            await api.invoke('user-password-set', { id: open.user.id, password });
            setNotice({ text: `The password of ${open.user.username} was reset.` });
          }}
        />
      )}
      {open?.kind === 'delete' && (
        <ConfirmDialog
          title={`Delete ${open.user.username}?`}
          message="The account is removed and its devices become unassigned. This cannot be undone."
          confirmLabel="Delete user"
          onClose={() => setOpen(null)}
          onConfirm={async () => {
            await api.invoke('user-delete', { id: open.user.id });
            users.update((list) => list.filter((u) => u.id !== open.user.id));
            setNotice({ text: `Deleted ${open.user.username}.` });
            reloadDevices();
          }}
        />
      )}
    </div>
  );
}
