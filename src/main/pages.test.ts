import { describe, expect, it } from 'vitest';
import { isOwnPage, pageUrl } from './pages';

const DEV = 'http://localhost:5173';

describe('our own pages', () => {
  it('are routes of the built UI on app://wattdesk, or of the dev server in development', () => {
    expect(pageUrl('/', null)).toBe('app://wattdesk/');
    expect(pageUrl('/simulator', null)).toBe('app://wattdesk/simulator');
    expect(pageUrl('/devices/d1?date=2026-01-31', `${DEV}/`)).toBe(`${DEV}/devices/d1?date=2026-01-31`);
  });

  it('are told apart from every other page', () => {
    expect(isOwnPage('app://wattdesk/devices?device=x', null)).toBe(true);
    expect(isOwnPage('app://wattdesk/', DEV)).toBe(true);
    expect(isOwnPage(`${DEV}/alerts`, DEV)).toBe(true);

    expect(isOwnPage(`${DEV}/alerts`, null)).toBe(false);
    expect(isOwnPage('http://localhost:5174/', DEV)).toBe(false);
    expect(isOwnPage('app://evil/', null)).toBe(false);
    expect(isOwnPage('app://attacker@wattdesk/', null)).toBe(false);
    expect(isOwnPage('file:///etc/passwd', null)).toBe(false);
    expect(isOwnPage('https://example.com/', null)).toBe(false);
    expect(isOwnPage('not a url', null)).toBe(false);
    expect(isOwnPage(null, DEV)).toBe(false);
  });
});
