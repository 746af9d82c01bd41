// A device's details: name, address, hourly limit and owner; for a new device or an edit.
import { useState } from 'react';
import {
  createDeviceRequestSchema,
  type CreateDeviceRequest,
  type DeviceView,
} from '../../../shared/contracts/devices-api';
import type { User } from '../../../shared/contracts/users-api';
import { controlProps, Field } from '../components/Field';
import { checkWith, useFormSubmission, type Checked } from './use-form-submission';

const LABELS = {
  description: 'Name',
  address: 'Address',
  max_hourly_kwh: 'Hourly limit',
  user_id: 'Owner',
  id: 'Device id',
};

export function DeviceForm({
  device,
  users,
  onSubmit,
  onCancel,
}: {
  /** The device to edit; none for a new one. */
  device?: DeviceView;
  users: User[];
  onSubmit: (values: CreateDeviceRequest) => Promise<void>;
  onCancel: () => void;
}) {
  const [values, setValues] = useState({
    description: device?.description ?? '',
    address: device?.address ?? '',
    max_hourly_kwh: device ? String(device.max_hourly_kwh) : '',
    user_id: device?.user_id ?? '',
    id: '',
  });
  const { errors, failure, busy, submit } = useFormSubmission(LABELS);
  const set = (name: keyof typeof values) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [name]: e.target.value }));

  const check = (): Checked<CreateDeviceRequest> => {
    const limit = values.max_hourly_kwh.trim() === '' ? NaN : Number(values.max_hourly_kwh.replace(',', '.'));
    const request = {
      description: values.description.trim(),
      address: values.address.trim(),
      max_hourly_kwh: limit,
      user_id: values.user_id || null,
      ...(values.id.trim() ? { id: values.id.trim() } : {}),
    };
    const checked = checkWith(createDeviceRequestSchema, request, LABELS);
    // Plainer words than the schema's for the two mistakes people make.
    const found = checked.ok ? {} : { ...checked.errors };
    if (!Number.isFinite(limit)) found.max_hourly_kwh = 'Hourly limit must be a number of kWh, such as 2.5.';
    else if (limit <= 0) found.max_hourly_kwh = 'Hourly limit must be more than 0 kWh.';
    if (!request.description) found.description = 'Name is required.';
    return checked.ok && Object.keys(found).length === 0 ? checked : { ok: false, errors: found };
  };
  const onSubmitForm = submit(check, onSubmit);

  return (
    <form
      className="stack"
      onSubmit={(e) => void onSubmitForm(e)}
      noValidate
      aria-label={device ? 'Edit device' : 'New device'}
    >
      {failure && (
        <p className="form-error" role="alert">
          {failure}
        </p>
      )}
      <Field
        id="device-description"
        label={LABELS.description}
        hint="What people call it, e.g. Heat pump."
        error={errors.description}
      >
        <input
          {...controlProps('device-description', errors.description, 'What people call it, e.g. Heat pump.')}
          type="text"
          autoFocus
          value={values.description}
          onChange={set('description')}
        />
      </Field>
      <Field id="device-address" label={LABELS.address} error={errors.address}>
        <input
          {...controlProps('device-address', errors.address)}
          type="text"
          value={values.address}
          onChange={set('address')}
        />
      </Field>
      <Field
        id="device-limit"
        label={`${LABELS.max_hourly_kwh} (kWh)`}
        hint="An alert is raised for each hour above it."
        error={errors.max_hourly_kwh}
      >
        <input
          {...controlProps(
            'device-limit',
            errors.max_hourly_kwh,
            'An alert is raised for each hour above it.',
          )}
          type="text"
          inputMode="decimal"
          value={values.max_hourly_kwh}
          onChange={set('max_hourly_kwh')}
        />
      </Field>
      <Field id="device-owner" label={LABELS.user_id} error={errors.user_id}>
        <select
          {...controlProps('device-owner', errors.user_id)}
          value={values.user_id}
          onChange={set('user_id')}
        >
          <option value="">Unassigned</option>
          {users
            .filter((u) => u.role !== 'service')
            .map((u) => (
              <option key={u.id} value={u.id}>
                {u.display_name} ({u.username})
              </option>
            ))}
        </select>
      </Field>
      {!device && (
        <Field
          id="device-id"
          label={`${LABELS.id} (optional)`}
          hint="The UUID the meter already reports under; leave empty for a new one."
          error={errors.id}
        >
          <input
            {...controlProps(
              'device-id',
              errors.id,
              'The UUID the meter already reports under; leave empty for a new one.',
            )}
            type="text"
            className="mono"
            value={values.id}
            onChange={set('id')}
          />
        </Field>
      )}
      <div className="button-row form-actions">
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button button-primary" disabled={busy}>
          {device ? 'Save changes' : 'Create device'}
        </button>
      </div>
    </form>
  );
}
