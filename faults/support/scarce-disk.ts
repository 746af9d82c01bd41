// A data folder whose disk can be filled up and given back: a small tmpfs of its own where mounting is
// allowed (root on Linux), else an ordinary folder whose SQLite file is capped with `max_page_count`.
import { execFile } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Db } from '../../src/services/sqlite/open-database';

const run = promisify(execFile);
const FILLER_CHUNK = Buffer.alloc(64 * 1024, 0x78);
/** SQLite's largest page count: no cap. */
const NO_PAGE_CAP = 4_294_967_294;

export interface ScarceDisk {
  dir: string;
  how: 'tmpfs' | 'max_page_count';
  /** Uses up every byte left (`db`: the connection writing there, for the page cap). */
  fill(db: Db): void;
  /** Gives the space back. */
  free(db: Db): void;
  /** Unmounts and deletes the folder; call after closing every file in it. */
  dispose(): Promise<void>;
}

export async function scarceDisk(sizeBytes: number): Promise<ScarceDisk> {
  const dir = mkdtempSync(join(tmpdir(), 'wattdesk-faults-disk-'));
  const filler = join(dir, 'filler');
  try {
    await run('mount', ['-t', 'tmpfs', '-o', `size=${sizeBytes}`, 'wattdesk-faults', dir]);
  } catch (err) {
    console.warn(`full disk: cannot mount a tmpfs here (${String(err)}); capping SQLite with max_page_count`);
    return {
      dir,
      how: 'max_page_count',
      fill: (db) => db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`),
      free: (db) => db.pragma(`max_page_count = ${NO_PAGE_CAP}`),
      dispose: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  return {
    dir,
    how: 'tmpfs',
    fill: () => {
      const fd = openSync(filler, 'w');
      try {
        for (;;) writeSync(fd, FILLER_CHUNK);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err;
      } finally {
        closeSync(fd);
      }
    },
    free: () => rmSync(filler, { force: true }),
    dispose: async () => {
      await run('umount', [dir]).catch((err: unknown) =>
        console.warn(`full disk: umount ${dir}: ${String(err)}`),
      );
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
