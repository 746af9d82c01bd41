// Structured log lines. Nothing secret is passed in; `redact` is a second line of defence.
import { pino, type Logger } from 'pino';

export type { Logger };

export function createLogger(level: string, name = 'wattdesk'): Logger {
  return pino({
    name,
    level,
    redact: {
      paths: ['password', '*.password', 'token', '*.token', 'authorization', '*.authorization'],
      censor: '[redacted]',
    },
  });
}
