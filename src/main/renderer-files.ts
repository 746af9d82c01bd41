// Which file of the built UI answers a request to app://wattdesk/…: assets by their path, and any route
// (a path without an extension) the UI itself, which routes on the client as it does behind the gateway.
import { extname, normalize, resolve, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.map': 'application/json',
};

export interface RendererFile {
  file: string;
  contentType: string;
}

/** The file for a request URL, or null for a path that leaves the UI's folder or cannot be decoded. */
export function rendererFile(rendererDir: string, requestUrl: string): RendererFile | null {
  let path: string;
  try {
    path = decodeURIComponent(new URL(requestUrl).pathname);
  } catch {
    return null;
  }
  if (path.includes('\0')) return null;
  const root = resolve(rendererDir);
  const relative = normalize(path).replace(/^[/\\]+/, '');
  const ext = extname(relative).toLowerCase();
  const file = ext === '' ? resolve(root, 'index.html') : resolve(root, relative);
  if (!file.startsWith(root + sep)) return null;
  return { file, contentType: CONTENT_TYPES[ext === '' ? '.html' : ext] ?? 'application/octet-stream' };
}
