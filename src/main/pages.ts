// Our own pages: where the UI is loaded from, and how to tell our pages from anything else.

/** The built UI is served on this privileged scheme, so it has an origin and the UI routes on paths. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'wattdesk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** The UI's main screen and the simulator screen, as routes of the one UI. */
export const MAIN_ROUTE = '/';
export const SIMULATOR_ROUTE = '/simulator';

/** URL of a route of the UI: on the dev server (`electron-vite dev`) when given, else the built UI. */
export function pageUrl(route: string, devServerUrl: string | null): string {
  const base = (devServerUrl ?? APP_ORIGIN).replace(/\/+$/, '');
  return `${base}${route.startsWith('/') ? route : `/${route}`}`;
}

/** True for a page of the built UI or of the dev server, and nothing else (no file://, no remote page). */
export function isOwnPage(url: string | null | undefined, devServerUrl: string | null): boolean {
  if (!url) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  // A custom scheme's origin is opaque ("null") to WHATWG URL, so compare scheme and host.
  if (parsed.protocol === `${APP_SCHEME}:`) return parsed.host === APP_HOST && !parsed.username;
  if (!devServerUrl) return false;
  return parsed.origin === new URL(devServerUrl).origin;
}
