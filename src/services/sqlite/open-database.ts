// Opens a SQLite file in WAL mode and applies its numbered migrations, in order, in one transaction.
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';

export type Db = Database.Database;

export interface Migration {
  /** File name, e.g. 001-init.sql: the number orders it. */
  name: string;
  sql: string;
}

export class MigrationMismatchError extends Error {}

/** The .sql files of a folder, ordered by name. */
export function readMigrations(folder: string): Migration[] {
  return readdirSync(folder)
    .filter((f) => /^\d{3}-[\w-]+\.sql$/.test(f))
    .sort()
    .map((name) => ({ name, sql: readFileSync(join(folder, name), 'utf8') }));
}

export function openDatabase(file: string, migrations: Migration[]): Db {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  try {
    migrate(db, migrations);
  } catch (err) {
    db.close();
    throw err;
  }
  return db;
}

/**
 * Applies the migrations not yet recorded. Refuses to start when the recorded list is not the start of the
 * known one: the file was written by another build, and guessing would corrupt it.
 */
export function migrate(db: Db, migrations: Migration[]): void {
  db.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at INTEGER NOT NULL)',
  );
  const applied = db
    .prepare<[], { name: string }>('SELECT name FROM schema_migrations ORDER BY name')
    .all()
    .map((r) => r.name);
  applied.forEach((name, i) => {
    if (migrations[i]?.name !== name) {
      throw new MigrationMismatchError(
        `database has migration ${name} where this build expects ${migrations[i]?.name ?? 'none'}; ` +
          'it was written by a different version of WattDesk',
      );
    }
  });
  const pending = migrations.slice(applied.length);
  if (pending.length === 0) return;
  const record = db.prepare('INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)');
  db.transaction(() => {
    for (const m of pending) {
      db.exec(m.sql);
      record.run(m.name, Date.now());
    }
  })();
}
