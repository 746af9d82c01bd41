// The one error handler of a service: what was thrown becomes a logged 500; a malformed body, a 400.
import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from '../log/logger';

export function errorMiddleware(log: Logger): ErrorRequestHandler {
  return (err: unknown, req, res, _next) => {
    const status = err && typeof err === 'object' && 'status' in err ? Number(err.status) : 500;
    if (status >= 400 && status < 500) {
      // Thrown by express itself, e.g. a body that is not JSON or too large.
      res.status(status).json({
        error: err instanceof Error ? err.message : 'bad request',
        fields: { '(body)': 'unreadable' },
      });
      return;
    }
    log.error({ err, method: req.method, path: req.path }, 'request failed');
    if (!res.headersSent) res.status(500).json({ error: 'internal error' });
  };
}

export const notFound: RequestHandler = (req, res) => {
  res.status(404).json({ error: `no route ${req.method} ${req.path}` });
};
