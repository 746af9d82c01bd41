// The Content-Security-Policy of our pages: scripts, styles and data from our own origin only.

/**
 * Production: nothing but our own scripts, and no network at all from the page (the UI talks through
 * IPC). Development adds what Vite's dev server needs: its inline React Refresh preamble and its HMR socket.
 */
export function contentSecurityPolicy(devServerUrl: string | null): string {
  const dev = devServerUrl ? new URL(devServerUrl) : null;
  const directives = [
    "default-src 'none'",
    dev ? "script-src 'self' 'unsafe-inline'" : "script-src 'self'",
    // React and the charts set styles through the CSSOM, which style-src does not restrict; the browser
    // story (e2e/) fails on any CSP violation under this same policy.
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    dev ? `connect-src 'self' ws://${dev.host}` : "connect-src 'self'",
    "manifest-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "frame-src 'none'",
    "object-src 'none'",
    "worker-src 'none'",
  ];
  return directives.join('; ');
}
