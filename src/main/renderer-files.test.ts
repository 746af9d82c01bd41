import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rendererFile } from './renderer-files';

const ROOT = resolve('/opt/wattdesk/out/renderer');

describe('files of the built UI', () => {
  it('answers an asset with its file and type, and any route with the UI', () => {
    expect(rendererFile(ROOT, 'app://wattdesk/assets/index-abc.js')).toEqual({
      file: join(ROOT, 'assets', 'index-abc.js'),
      contentType: 'text/javascript; charset=utf-8',
    });
    for (const route of [
      'app://wattdesk/',
      'app://wattdesk/devices/d1?date=2026-01-31',
      'app://wattdesk/simulator',
    ])
      expect(rendererFile(ROOT, route)).toEqual({
        file: join(ROOT, 'index.html'),
        contentType: 'text/html; charset=utf-8',
      });
  });

  it('never leaves the UI folder', () => {
    for (const url of [
      'app://wattdesk/../../etc/passwd.txt',
      'app://wattdesk/%2e%2e/%2e%2e/etc/passwd.txt',
      'app://wattdesk/assets/..%2f..%2f..%2fsecret.json',
    ]) {
      const target = rendererFile(ROOT, url);
      expect(target === null || target.file.startsWith(`${ROOT}/`), url).toBe(true);
    }
    expect(rendererFile(ROOT, 'app://wattdesk/%E0%A4%A.js')).toBeNull();
  });
});
