import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../src/daily/migrate.js';
import { type DailyStore, openDailyStore } from '../../src/daily/store.js';
import { EVERY_DAY } from '../../src/daily/subscription.js';
import { tempDatabase } from './fakes.js';

let db: ReturnType<typeof tempDatabase>;
let store: DailyStore;
beforeEach(() => {
  db = tempDatabase();
  store = openDailyStore(db.path);
});
afterEach(() => {
  store.close();
  db.cleanup();
});

const ref = { platform: 'slack', channelId: 'C1', localDate: '2026-11-25' } as const;
const at = (iso: string) => new Date(iso);
const claimAt = (owner: string, iso: string, staleAfterMs = 60_000) =>
  store.claim({ ...ref, patternSlug: 'saga-pattern' }, { owner, now: at(iso), staleAfterMs });
const subscription = {
  platform: 'discord',
  channelId: '42',
  time: '09:00',
  timeZone: 'Europe/Berlin',
  weekdays: EVERY_DAY,
  thread: false,
  source: 'command',
} as const;

describe('opening', () => {
  it('creates the parent directory and the schema, in WAL mode, versioned', () => {
    expect(existsSync(db.path)).toBe(true);
    const raw = new Database(db.path, { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(raw.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    raw.close();
  });

  it('opens an existing database without migrating it again, keeping its rows', () => {
    store.upsertSubscription(subscription, at('2026-11-25T08:00:00Z'));
    store.close();
    store = openDailyStore(db.path);
    expect(store.getSubscription('discord', '42')?.time).toBe('09:00');
  });

  it('migrates a version-1 database to the latest, keeping its rows, with no discussion thread', () => {
    store.close();
    db.cleanup();
    db = tempDatabase();
    mkdirSync(dirname(db.path), { recursive: true });
    const raw = new Database(db.path);
    raw.exec(MIGRATIONS[0] as string);
    raw.pragma('user_version = 1');
    raw
      .prepare(
        `INSERT INTO subscriptions (platform, channel_id, time, time_zone, weekdays, source, created_at,
           updated_at, active_since)
         VALUES ('slack', 'C1', '08:30', 'UTC', 127, 'command', 1, 2, 3)`,
      )
      .run();
    raw.close();

    store = openDailyStore(db.path);
    expect(store.getSubscription('slack', 'C1')).toMatchObject({
      time: '08:30',
      weekdays: EVERY_DAY,
      enabled: true,
      activeSince: new Date(3),
      thread: false,
    });
    const reopened = new Database(db.path, { readonly: true });
    expect(reopened.pragma('user_version', { simple: true })).toBe(2);
    reopened.close();
  });

  it('refuses a database from a newer release', () => {
    store.close();
    const raw = new Database(db.path);
    raw.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    raw.close();
    expect(() => openDailyStore(db.path)).toThrow(/newer than this release/);
    store = openDailyStore(':memory:');
  });
});

describe('subscriptions', () => {
  it('upserts, disables with a reason, re-enables, deletes', () => {
    const made = store.upsertSubscription(subscription, at('2026-11-25T07:00:00Z'));
    expect(made).toMatchObject({ enabled: true, time: '09:00', activeSince: at('2026-11-25T07:00:00Z') });
    expect(store.disableSubscription('discord', '42', 'channel gone', at('2026-11-25T08:00:00Z'))).toBe(true);
    expect(store.getSubscription('discord', '42')).toMatchObject({
      enabled: false,
      disabledReason: 'channel gone',
    });
    expect(store.listSubscriptions({ enabled: true })).toEqual([]);
    const back = store.upsertSubscription(subscription, at('2026-11-25T09:30:00Z'));
    expect(back).toMatchObject({
      enabled: true,
      disabledReason: undefined,
      activeSince: at('2026-11-25T09:30:00Z'),
    });
    expect(store.deleteSubscription('discord', '42')).toBe(true);
    expect(store.getSubscription('discord', '42')).toBeUndefined();
  });

  it('keeps activeSince when the same schedule is set again, and moves it when it changes', () => {
    store.upsertSubscription(subscription, at('2026-11-25T07:00:00Z'));
    const same = store.upsertSubscription(subscription, at('2026-11-25T10:00:00Z'));
    expect(same.activeSince).toEqual(at('2026-11-25T07:00:00Z'));
    const moved = store.upsertSubscription({ ...subscription, time: '10:30' }, at('2026-11-25T10:00:00Z'));
    expect(moved.activeSince).toEqual(at('2026-11-25T10:00:00Z'));
  });

  it('stores the discussion thread flag, and changing only it keeps activeSince', () => {
    const made = store.upsertSubscription({ ...subscription, thread: true }, at('2026-11-25T07:00:00Z'));
    expect(made.thread).toBe(true);
    const off = store.upsertSubscription(subscription, at('2026-11-25T10:00:00Z'));
    expect(off).toMatchObject({ thread: false, activeSince: at('2026-11-25T07:00:00Z') });
    expect(store.getSubscription('discord', '42')?.thread).toBe(false);
    expect(store.listSubscriptions()[0]?.thread).toBe(false);
  });

  it('inserts a config subscription only where there is none', () => {
    store.upsertSubscription(subscription, at('2026-11-25T07:00:00Z'));
    store.disableSubscription('discord', '42', 'off', at('2026-11-25T07:00:00Z'));
    expect(
      store.insertSubscriptionIfMissing({ ...subscription, source: 'config' }, at('2026-11-26T00:00:00Z')),
    ).toBe(false);
    expect(store.getSubscription('discord', '42')?.enabled).toBe(false);
  });
});

describe('claims', () => {
  it('lets one owner claim a delivery, and no one else while it is fresh', () => {
    expect(claimAt('a', '2026-11-25T09:00:00Z')).toBe(true);
    expect(claimAt('b', '2026-11-25T09:00:30Z')).toBe(false);
    expect(claimAt('a', '2026-11-25T09:00:30Z')).toBe(false);
  });

  it('lets a stale unsent claim be taken over, after the timeout and not before', () => {
    claimAt('a', '2026-11-25T09:00:00Z');
    expect(claimAt('b', '2026-11-25T09:00:59.999Z')).toBe(false);
    expect(claimAt('b', '2026-11-25T09:01:00Z')).toBe(true);
    expect(store.getDelivery(ref)?.claimOwner).toBe('b');
    expect(store.recordAttempt(ref, 'a', at('2026-11-25T09:01:01Z'))).toBe(0);
    expect(store.markSent(ref, 'a', { messageId: 'x', now: at('2026-11-25T09:01:01Z') })).toBe(false);
  });

  it('never claims a sent delivery again', () => {
    claimAt('a', '2026-11-25T09:00:00Z');
    expect(store.recordAttempt(ref, 'a', at('2026-11-25T09:00:00Z'))).toBe(1);
    expect(store.markSent(ref, 'a', { messageId: 'm1', now: at('2026-11-25T09:00:01Z') })).toBe(true);
    expect(claimAt('b', '2026-11-26T09:00:00Z')).toBe(false);
    expect(store.getDelivery(ref)).toMatchObject({ status: 'sent', messageId: 'm1', attempts: 1 });
  });

  it('lets a failed delivery be claimed again after the timeout, and a released one at once', () => {
    claimAt('a', '2026-11-25T09:00:00Z');
    store.markFailed(ref, 'a', 'http_500', at('2026-11-25T09:00:10Z'));
    expect(claimAt('b', '2026-11-25T09:00:30Z')).toBe(false);
    expect(claimAt('b', '2026-11-25T09:01:10Z')).toBe(true);
    expect(store.release(ref, 'b', 'stopping')).toBe(true);
    expect(claimAt('c', '2026-11-25T09:01:11Z')).toBe(true);
  });

  it('stops claiming after the attempt cap', () => {
    claimAt('a', '2026-11-25T09:00:00Z');
    store.recordAttempt(ref, 'a', at('2026-11-25T09:00:00Z'));
    store.recordAttempt(ref, 'a', at('2026-11-25T09:00:00Z'));
    store.release(ref, 'a', 'x');
    const again = (maxAttempts: number) =>
      store.claim(
        { ...ref, patternSlug: 'saga-pattern' },
        { owner: 'b', now: at('2026-11-25T09:05:00Z'), staleAfterMs: 1, maxAttempts },
      );
    expect(again(2)).toBe(false);
    expect(again(3)).toBe(true);
  });
});
