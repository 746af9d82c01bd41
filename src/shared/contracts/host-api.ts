// What the host (the headless host, or the desktop's main process) tells the UI about itself.

export interface HostStatus {
  /** The message bus in use: a RabbitMQ broker, or the in-process stand-in. */
  bus: { kind: 'rabbitmq' | 'in-process'; connected: boolean };
  /** Services run inside this host, or remote ones are used. */
  services: 'embedded' | 'remote';
  /** The site time zone: alert hours and the default day boundaries. */
  site_tz: string;
}

export interface FirstRun {
  /** The generated password of the first `admin`, until a new one is set; null otherwise. */
  generated_admin_password: string | null;
}
