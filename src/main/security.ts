// Electron's security checklist, applied to every page: a strict Content-Security-Policy, navigation and
// new windows refused unless to our own pages, no webviews, and every permission request refused.
import { app, session, type Session } from 'electron';
import type { Logger } from '../services/log/logger';
import { isOwnPage } from './pages';
import { contentSecurityPolicy } from './security-policy';

export function secureContents(
  devServerUrl: string | null,
  log: Logger,
  ses: Session = session.defaultSession,
): void {
  const csp = contentSecurityPolicy(devServerUrl);
  ses.webRequest.onHeadersReceived((details, respond) => {
    respond({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp] },
    });
  });
  ses.setPermissionRequestHandler((_contents, permission, grant) => {
    log.warn({ permission }, 'refused a permission request');
    grant(false);
  });
  ses.setPermissionCheckHandler(() => false);

  app.on('web-contents-created', (_event, contents) => {
    const refuse = (event: { preventDefault(): void }, url: string) => {
      if (isOwnPage(url, devServerUrl)) return;
      event.preventDefault();
      log.warn({ url }, 'refused to navigate away from our pages');
    };
    contents.on('will-navigate', (event) => refuse(event, event.url));
    contents.on('will-redirect', (event) => refuse(event, event.url));
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      log.warn({ url }, 'refused to open a window');
      return { action: 'deny' };
    });
  });
}
