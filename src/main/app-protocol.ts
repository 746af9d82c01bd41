// The app:// scheme that serves the built UI: a secure, standard origin of our own (file:// has none, and a
// CSP header cannot be set on it), with every route answered by the UI itself.
import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { APP_SCHEME } from './pages';
import { rendererFile } from './renderer-files';

/** Before the app is ready: the scheme must be known to Chromium as standard and secure. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** After ready: answers app://wattdesk/… from the built UI, with the CSP header on every answer. */
export function serveRenderer(rendererDir: string, csp: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const target = rendererFile(rendererDir, request.url);
    if (!target) return new Response('not found', { status: 404 });
    try {
      const body = await readFile(target.file);
      return new Response(body, {
        headers: {
          'content-type': target.contentType,
          'content-security-policy': csp,
          'x-content-type-options': 'nosniff',
        },
      });
    } catch {
      return new Response('not found', { status: 404 });
    }
  });
}
