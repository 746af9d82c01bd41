// The desktop app's settings: where its services run, the broker, the site zone, notifications, the tray
// and start at login. Shown in Electron only; services, broker and zone take effect after a restart, which
// the app offers when they change.
import { useEffect, useState, type FormEvent } from 'react';
import { controlProps, Field } from '../components/Field';
import { PageHeading } from '../app/PageHeading';
import { serverErrors, type FieldErrors } from '../admin/form-errors';
import { useApi } from '../api/api-context';
import { fromFormValues, LABELS, timeZones, toFormValues, type SettingsFormValues } from './settings-form';

const RESTART_HINT = 'Takes effect after WattDesk restarts.';
const AMQP_HINT = `Empty: the broker on this computer, or none. ${RESTART_HINT}`;
const TZ_HINT = `Alert hours and days. ${RESTART_HINT}`;

export function SettingsScreen() {
  const api = useApi();
  const [values, setValues] = useState<SettingsFormValues | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    api.invoke('settings-get', undefined).then(
      (s) => live && setValues(toFormValues(s)),
      (err: unknown) =>
        live && setFailure(serverErrors(err, LABELS).form ?? 'The settings could not be read.'),
    );
    return () => {
      live = false;
    };
  }, [api]);

  if (!values)
    return (
      <section className="stack">
        <PageHeading title="Settings" />
        {failure ? (
          <p className="form-error" role="alert">
            {failure}
          </p>
        ) : (
          <p className="muted">Loading…</p>
        )}
      </section>
    );

  const set = <K extends keyof SettingsFormValues>(name: K, value: SettingsFormValues[K]) => {
    setSaved(false);
    setValues((v) => (v ? { ...v, [name]: value } : v));
  };
  const text = (name: 'users_url' | 'devices_url' | 'monitoring_url' | 'amqp_url') => ({
    type: 'text' as const,
    className: 'mono',
    spellCheck: false,
    value: values[name],
    onChange: (e: { target: { value: string } }) => set(name, e.target.value),
  });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFailure(null);
    const checked = fromFormValues(values);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      setValues(toFormValues(await api.invoke('settings-set', checked.settings)));
      setSaved(true);
    } catch (err) {
      const { fields, form } = serverErrors(err, LABELS);
      setErrors(fields);
      setFailure(form);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="stack">
      <PageHeading title="Settings" subtitle="How this computer runs WattDesk." />
      <form className="panel stack" onSubmit={(e) => void submit(e)} noValidate aria-label="Settings">
        {failure && (
          <p className="form-error" role="alert">
            {failure}
          </p>
        )}
        <fieldset className="field">
          <legend>Services</legend>
          <label className="choice">
            <input
              type="radio"
              name="services"
              checked={values.mode === 'embedded'}
              onChange={() => set('mode', 'embedded')}
            />
            Run them in this app
          </label>
          <label className="choice">
            <input
              type="radio"
              name="services"
              checked={values.mode === 'remote'}
              onChange={() => set('mode', 'remote')}
            />
            Use services on a server
          </label>
          <p className="field-hint">{RESTART_HINT}</p>
        </fieldset>
        {values.mode === 'remote' &&
          (['users_url', 'devices_url', 'monitoring_url'] as const).map((name) => (
            <Field key={name} id={`settings-${name}`} label={LABELS[name]!} error={errors[name]}>
              <input {...controlProps(`settings-${name}`, errors[name])} {...text(name)} />
            </Field>
          ))}
        <Field id="settings-amqp" label={LABELS.amqp_url!} hint={AMQP_HINT} error={errors.amqp_url}>
          <input
            {...controlProps('settings-amqp', errors.amqp_url, AMQP_HINT)}
            {...text('amqp_url')}
            placeholder="amqp://user:password@host:5672"
          />
        </Field>
        <Field id="settings-tz" label={LABELS.site_tz!} hint={TZ_HINT} error={errors.site_tz}>
          <select
            {...controlProps('settings-tz', errors.site_tz, TZ_HINT)}
            value={values.site_tz}
            onChange={(e) => set('site_tz', e.target.value)}
          >
            {timeZones(values.site_tz).map((zone) => (
              <option key={zone} value={zone}>
                {zone}
              </option>
            ))}
          </select>
        </Field>
        <fieldset className="field">
          <legend>On this computer</legend>
          <label className="choice">
            <input
              type="checkbox"
              checked={values.notifications}
              onChange={(e) => set('notifications', e.target.checked)}
            />
            Notify me when a device goes over its limit
          </label>
          <label className="choice">
            <input
              type="checkbox"
              checked={values.close_to_tray}
              onChange={(e) => set('close_to_tray', e.target.checked)}
            />
            Keep running in the tray when the window is closed
          </label>
          <label className="choice">
            <input
              type="checkbox"
              checked={values.start_at_login}
              onChange={(e) => set('start_at_login', e.target.checked)}
            />
            Start at login (macOS and Windows)
          </label>
        </fieldset>
        <div className="button-row form-actions">
          {saved && (
            <p role="status" className="muted">
              Saved.
            </p>
          )}
          <button type="submit" className="button button-primary" disabled={busy}>
            Save settings
          </button>
        </div>
      </form>
    </section>
  );
}
