import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from './security-policy';

function directives(csp: string): Map<string, string> {
  return new Map(csp.split('; ').map((d) => [d.split(' ')[0]!, d.slice(d.indexOf(' ') + 1)]));
}

describe('the Content-Security-Policy', () => {
  it('allows only our own scripts and no network from a built page', () => {
    const csp = directives(contentSecurityPolicy(null));
    expect(csp.get('default-src')).toBe("'none'");
    expect(csp.get('script-src')).toBe("'self'");
    expect(csp.get('connect-src')).toBe("'self'");
    expect(csp.get('style-src')).toBe("'self'");
    expect(csp.get('object-src')).toBe("'none'");
    expect(csp.get('frame-ancestors')).toBe("'none'");
    expect(contentSecurityPolicy(null)).not.toMatch(/unsafe-eval|unsafe-inline|\*/);
  });

  it('lets the dev server run its React Refresh preamble and HMR socket, and nothing more', () => {
    const csp = directives(contentSecurityPolicy('http://localhost:5173/'));
    expect(csp.get('script-src')).toBe("'self' 'unsafe-inline'");
    expect(csp.get('connect-src')).toBe("'self' ws://localhost:5173");
  });
});
