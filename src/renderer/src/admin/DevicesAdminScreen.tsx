// Administration of devices: list, create, edit, assign to a user, delete (after a confirmation).
import { useState } from 'react';
import type { CreateDeviceRequest, DeviceView } from '../../../shared/contracts/devices-api';
import { useApi } from '../api/api-context';
import { PageHeading } from '../app/PageHeading';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { Dialog } from '../components/Dialog';
import { Skeleton } from '../components/Skeleton';
import { formatKwh } from '../format/format-energy';
import { useLoad } from '../hooks/use-load';
import { deviceName, useLive } from '../live/LiveProvider';
import { routeHref } from '../routing/routes';
import { DeviceForm } from './DeviceForm';
import { failureText } from '../format/failure-text';

type Open =
  | { kind: 'create' }
  | { kind: 'edit'; device: DeviceView }
  | { kind: 'delete'; device: DeviceView }
  | null;

export function DevicesAdminScreen() {
  const api = useApi();
  const { devices, reloadDevices } = useLive();
  const users = useLoad(() => api.invoke('users-list', undefined), [api]);
  const [open, setOpen] = useState<Open>(null);
  const [notice, setNotice] = useState<{ text: string; error?: boolean } | null>(null);
  const owner = (id: string | null) => (id ? users.data?.find((u) => u.id === id) : undefined);

  const assign = async (device: DeviceView, userId: string) => {
    setNotice(null);
    try {
      await api.invoke('device-update', { id: device.id, changes: { user_id: userId || null } });
      const to = owner(userId || null);
      setNotice({
        text: to
          ? `${deviceName(device, device.id)} is assigned to ${to.username}.`
          : `${deviceName(device, device.id)} is unassigned.`,
      });
    } catch (err) {
      setNotice({ text: failureText(err), error: true });
    }
    reloadDevices();
  };

  const save = async (values: CreateDeviceRequest, device?: DeviceView) => {
    if (device) {
      const { id: _id, ...changes } = values;
      await api.invoke('device-update', { id: device.id, changes });
      setNotice({ text: `Saved ${values.description}.` });
    } else {
      const created = await api.invoke('device-create', values);
      setNotice({ text: `Created ${deviceName(created, created.id)}.` });
    }
    reloadDevices();
    setOpen(null);
  };

  const assignable = users.data?.filter((u) => u.role !== 'service') ?? [];

  return (
    <div className="page">
      <PageHeading
        title="Manage devices"
        subtitle="Each device reports under its id; its owner sees it and gets its alerts."
        actions={
          <button
            type="button"
            className="button button-primary"
            onClick={() => setOpen({ kind: 'create' })}
            disabled={!users.data}
          >
            Add device
          </button>
        }
      />
      {notice && (
        <p className={notice.error ? 'form-error' : 'notice'} role={notice.error ? 'alert' : 'status'}>
          {notice.text}
        </p>
      )}
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">Devices</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Address</th>
              <th scope="col" className="num">
                Hourly limit
              </th>
              <th scope="col">Owner</th>
              <th scope="col">Device id</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {!devices || !users.data ? (
              [0, 1, 2].map((i) => (
                <tr key={i}>
                  <td colSpan={6}>
                    <Skeleton height={30} />
                  </td>
                </tr>
              ))
            ) : devices.length === 0 ? (
              <tr>
                <td colSpan={6} className="muted">
                  No devices yet. Add one to start.
                </td>
              </tr>
            ) : (
              devices.map((device) => (
                <tr key={device.id} data-testid="device-row">
                  <th scope="row">
                    <a href={routeHref({ name: 'device', id: device.id, view: 'day' })}>
                      {deviceName(device, device.id)}
                    </a>
                  </th>
                  <td>{device.address}</td>
                  <td className="num">{formatKwh(device.max_hourly_kwh)}</td>
                  <td>
                    <select
                      className="inline-select"
                      aria-label={`Owner of ${deviceName(device, device.id)}`}
                      value={device.user_id ?? ''}
                      onChange={(e) => void assign(device, e.target.value)}
                    >
                      <option value="">Unassigned</option>
                      {assignable.map((u) => (
                        <option key={u.id} value={u.id}>
                          {u.username}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td className="mono">{device.id}</td>
                  <td className="row-actions">
                    <button
                      type="button"
                      className="button button-small"
                      onClick={() => setOpen({ kind: 'edit', device })}
                    >
                      Edit
                    </button>
                    <button
                      type="button"
                      className="button button-small"
                      onClick={() => setOpen({ kind: 'delete', device })}
                    >
                      Delete
                    </button>
                  </td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>

      {(open?.kind === 'create' || open?.kind === 'edit') && (
        <Dialog
          title={open.kind === 'edit' ? `Edit ${deviceName(open.device, open.device.id)}` : 'Add a device'}
          onClose={() => setOpen(null)}
        >
          <DeviceForm
            device={open.kind === 'edit' ? open.device : undefined}
            users={users.data ?? []}
            onCancel={() => setOpen(null)}
            onSubmit={(values) => save(values, open.kind === 'edit' ? open.device : undefined)}
          />
        </Dialog>
      )}
      {open?.kind === 'delete' && (
        <ConfirmDialog
          title={`Delete ${deviceName(open.device, open.device.id)}?`}
          message="The device is removed from WattDesk and its owner no longer sees it. This cannot be undone."
          confirmLabel="Delete device"
          onClose={() => setOpen(null)}
          onConfirm={async () => {
            await api.invoke('device-delete', { id: open.device.id });
            setNotice({ text: `Deleted ${deviceName(open.device, open.device.id)}.` });
            reloadDevices();
          }}
        />
      )}
    </div>
  );
}
