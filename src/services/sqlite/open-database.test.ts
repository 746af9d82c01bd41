import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../testing/temp-dir';
import { MigrationMismatchError, openDatabase } from './open-database';

const tempDir = useTempDirs();
const tempFile = (): string => join(tempDir(), 'test.db');

const m1 = { name: '001-a.sql', sql: 'CREATE TABLE a (x INTEGER);' };
const m2 = { name: '002-b.sql', sql: 'CREATE TABLE b (y INTEGER);' };

describe('openDatabase', () => {
  it('applies migrations once, in order, and records them', () => {
    const file = tempFile();
    openDatabase(file, [m1]).close();
    const db = openDatabase(file, [m1, m2]);
    const names = db.prepare('SELECT name FROM schema_migrations ORDER BY name').pluck().all();
    expect(names).toEqual(['001-a.sql', '002-b.sql']);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('refuses a database whose recorded migrations differ from the known ones', () => {
    const file = tempFile();
    openDatabase(file, [m1, m2]).close();
    expect(() => openDatabase(file, [m1, { name: '002-other.sql', sql: '' }])).toThrow(
      MigrationMismatchError,
    );
  });

  it('rolls back every pending migration when one fails', () => {
    const file = tempFile();
    expect(() => openDatabase(file, [m1, { name: '002-bad.sql', sql: 'NOT SQL' }])).toThrow();
    const db = openDatabase(file, [m1]);
    expect(db.prepare('SELECT count(*) FROM schema_migrations').pluck().get()).toBe(1);
    db.close();
  });
});
