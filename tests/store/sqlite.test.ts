import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EVERY_DAY } from '../../src/daily/subscription.js';
import { createSqliteStore } from '../../src/store/sqlite.js';
import { SQLITE_MIGRATIONS } from '../../src/store/sqlite-migrations.js';
import { StorageError } from '../../src/store/storage-error.js';

let dir: string;
let path: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pattern-bot-sqlite-'));
  path = join(dir, 'data', 'bot.db');
});
afterEach(() => {
  chmodSync(dir, 0o755);
  rmSync(dir, { recursive: true, force: true });
});

const failure = async (promise: Promise<unknown>): Promise<StorageError> => {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(StorageError);
  return error as StorageError;
};

describe('opening', () => {
  it('creates the parent directory and the schema, in WAL mode, versioned', async () => {
    const store = createSqliteStore(path);
    await store.ready();
    await store.close();
    expect(existsSync(path)).toBe(true);
    const raw = new Database(path, { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(raw.pragma('user_version', { simple: true })).toBe(SQLITE_MIGRATIONS.length);
    raw.close();
  });

  it('migrates a version-1 database to the latest, keeping its rows, no thread, due at once', async () => {
    mkdirSync(dirname(path), { recursive: true });
    const raw = new Database(path);
    raw.exec(SQLITE_MIGRATIONS[0] as string);
    raw.pragma('user_version = 1');
    raw
      .prepare(
        `INSERT INTO subscriptions (platform, channel_id, time, time_zone, weekdays, source, created_at,
           updated_at, active_since)
         VALUES ('slack', 'C1', '08:30', 'UTC', 127, 'command', 1, 2, 3)`,
      )
      .run();
    raw.close();
    const store = createSqliteStore(path);
    expect(await store.getSubscription('slack', 'C1')).toMatchObject({
      time: '08:30',
      weekdays: EVERY_DAY,
      enabled: true,
      activeSince: new Date(3),
      thread: false,
      diagram: false,
    });
    const due = await store.dueSubscriptions(new Date(), { platforms: ['slack'], limit: 10 });
    expect(due.map((s) => s.channelId)).toEqual(['C1']);
    await store.close();
  });

  it('migrates once when four stores open one new file at the same moment', async () => {
    const stores = Array.from({ length: 4 }, () => createSqliteStore(path));
    await Promise.all(stores.map((store) => store.ready()));
    await Promise.all(stores.map((store) => store.close()));
    const raw = new Database(path, { readonly: true });
    expect(raw.pragma('user_version', { simple: true })).toBe(SQLITE_MIGRATIONS.length);
    raw.close();
  });
});

describe('storage faults, named and explained', () => {
  it('refuses a database from a newer release', async () => {
    mkdirSync(dirname(path), { recursive: true });
    const raw = new Database(path);
    raw.pragma(`user_version = ${SQLITE_MIGRATIONS.length + 1}`);
    raw.close();
    const error = await failure(createSqliteStore(path).ready());
    expect(error).toMatchObject({ fault: 'too-new', variable: 'DATABASE_PATH' });
    expect(error.message).toMatch(/^DATABASE_PATH: .*newer than this release/);
  });

  it.skipIf(process.getuid?.() === 0)(
    'an unwritable directory: names the variable, the directory and the fix',
    async () => {
      chmodSync(dir, 0o555);
      const error = await failure(createSqliteStore(path).ready());
      expect(error.fault).toBe('unwritable');
      expect(error.message).toContain('DATABASE_PATH: cannot create or write');
      expect(error.message).toContain(dir);
      expect(error.message).toMatch(/writable by the user running the bot/);
    },
  );

  it('a directory where the file should be: cannot write it', async () => {
    mkdirSync(path, { recursive: true });
    const error = await failure(createSqliteStore(path).ready());
    expect(error.fault).toBe('unwritable');
  });

  it('a corrupt file: says restore it or move it aside', async () => {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(
      path,
      'this is not a database, just some text that is long enough to be read as a header '.repeat(20),
    );
    const error = await failure(createSqliteStore(path).ready());
    expect(error.fault).toBe('corrupt');
    expect(error.message).toContain(path);
    expect(error.message).toMatch(/Restore it from a backup, or move it .* aside/);
  });

  it('a lock held longer than the lock timeout: a locked error, and the event loop keeps running meanwhile', async () => {
    const store = createSqliteStore(path, { lockTimeoutMs: 400 });
    await store.ready();
    const holder = new Database(path);
    holder.exec('BEGIN IMMEDIATE');
    let ticks = 0;
    const timer = setInterval(() => ticks++, 10);
    const started = Date.now();
    try {
      const error = await failure(
        store.upsertSubscription(
          {
            platform: 'slack',
            channelId: 'C1',
            time: '09:00',
            timeZone: 'UTC',
            weekdays: 127,
            thread: false,
            diagram: false,
            source: 'command',
          },
          new Date(),
        ),
      );
      expect(error.fault).toBe('locked');
      expect(error.message).toMatch(/^DATABASE_PATH: .* stayed locked for 0\.\d s/);
      expect(Date.now() - started).toBeGreaterThanOrEqual(400);
      expect(ticks).toBeGreaterThan(10); // timers ran while it waited
    } finally {
      clearInterval(timer);
      holder.exec('ROLLBACK');
      holder.close();
    }
    // Once the lock is gone the same store works again.
    expect(await store.seenEvent('Ev1', 1000)).toBe(true);
    await store.close();
  });

  it('waits out a short lock instead of failing', async () => {
    const store = createSqliteStore(path);
    await store.ready();
    const holder = new Database(path);
    holder.exec('BEGIN IMMEDIATE');
    setTimeout(() => {
      holder.exec('COMMIT');
      holder.close();
    }, 300);
    expect(await store.seenEvent('Ev1', 1000)).toBe(true);
    await store.close();
  });
});
