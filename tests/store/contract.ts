import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EVERY_DAY } from '../../src/daily/subscription.js';
import type { Store } from '../../src/store/store.js';
import { quizContract } from './quiz-contract.js';
import { reviewContract } from './review-contract.js';

export interface OpenedStore {
  readonly store: Store;
  /** Another connection to the same database, as a second process would have. */
  readonly second: () => Store;
  readonly cleanup: () => Promise<void>;
}

const ref = { platform: 'slack', channelId: 'C1', localDate: '2026-11-25' } as const;
const at = (iso: string) => new Date(iso);
const subscription = {
  platform: 'discord',
  channelId: '42',
  time: '09:00',
  timeZone: 'Europe/Berlin',
  weekdays: EVERY_DAY,
  thread: false,
  diagram: false,
  source: 'command',
} as const;
const FRESH = 60_000;

/** One behaviour, every backend: each backend's test file calls this with its own opener. */
export function storeContract(open: () => Promise<OpenedStore>): void {
  let opened: OpenedStore;
  let store: Store;
  const others: Store[] = [];
  beforeEach(async () => {
    opened = await open();
    store = opened.store;
    await store.ready();
  });
  afterEach(async () => {
    await Promise.all(others.splice(0).map((other) => other.close()));
    await opened.cleanup();
  });
  const second = () => {
    const other = opened.second();
    others.push(other);
    return other;
  };
  const claim = (owner: string, staleAfterMs = FRESH, on: Store = store) =>
    on.claim({ ...ref, patternSlug: 'saga-pattern' }, { owner, staleAfterMs });

  quizContract(() => ({ store, second }));

  describe('subscriptions', () => {
    it('upserts, disables with a reason, re-enables, deletes', async () => {
      const made = await store.upsertSubscription(subscription, at('2026-11-25T07:00:00Z'));
      expect(made).toMatchObject({ enabled: true, time: '09:00', activeSince: at('2026-11-25T07:00:00Z') });
      expect(
        await store.disableSubscription('discord', '42', 'channel gone', at('2026-11-25T08:00:00Z')),
      ).toBe(true);
      expect(await store.getSubscription('discord', '42')).toMatchObject({
        enabled: false,
        disabledReason: 'channel gone',
        updatedAt: at('2026-11-25T08:00:00Z'),
      });
      expect(await store.listSubscriptions({ enabled: true })).toEqual([]);
      const back = await store.upsertSubscription(subscription, at('2026-11-25T09:30:00Z'));
      expect(back).toMatchObject({
        enabled: true,
        disabledReason: undefined,
        activeSince: at('2026-11-25T09:30:00Z'),
      });
      expect(await store.deleteSubscription('discord', '42')).toBe(true);
      expect(await store.getSubscription('discord', '42')).toBeUndefined();
      expect(await store.deleteSubscription('discord', '42')).toBe(false);
    });

    it('keeps activeSince when the same schedule is set again, even at the same instant, and moves it on a change', async () => {
      await store.upsertSubscription(subscription, at('2026-11-25T07:00:00Z'));
      const same = await store.upsertSubscription(
        { ...subscription, thread: true },
        at('2026-11-25T07:00:00Z'),
      );
      expect(same).toMatchObject({ thread: true, activeSince: at('2026-11-25T07:00:00Z') });
      const later = await store.upsertSubscription(subscription, at('2026-11-25T10:00:00Z'));
      expect(later).toMatchObject({ thread: false, activeSince: at('2026-11-25T07:00:00Z') });
      const moved = await store.upsertSubscription(
        { ...subscription, time: '10:30' },
        at('2026-11-25T10:00:00Z'),
      );
      expect(moved.activeSince).toEqual(at('2026-11-25T10:00:00Z'));
      expect(await store.listSubscriptions()).toHaveLength(1);
    });

    it('keeps every field', async () => {
      await store.upsertSubscription(
        {
          ...subscription,
          workspaceId: 'T1',
          createdBy: 'U1',
          weekdays: 62,
          thread: true,
          diagram: true,
          quiz: true,
        },
        at('2026-11-25T07:00:00Z'),
      );
      expect(await store.getSubscription('discord', '42')).toEqual({
        ...subscription,
        workspaceId: 'T1',
        createdBy: 'U1',
        weekdays: 62,
        thread: true,
        quiz: true,
        diagram: true,
        enabled: true,
        disabledReason: undefined,
        createdAt: at('2026-11-25T07:00:00Z'),
        updatedAt: at('2026-11-25T07:00:00Z'),
        activeSince: at('2026-11-25T07:00:00Z'),
      });
    });

    it('inserts a config subscription only where there is none, and filters by source', async () => {
      await store.upsertSubscription(subscription, at('2026-11-25T07:00:00Z'));
      await store.disableSubscription('discord', '42', 'off', at('2026-11-25T07:00:00Z'));
      expect(
        await store.insertSubscriptionIfMissing(
          { ...subscription, source: 'config' },
          at('2026-11-26T00:00:00Z'),
        ),
      ).toBe(false);
      expect(await store.getSubscription('discord', '42')).toMatchObject({
        enabled: false,
        source: 'command',
      });
      expect(
        await store.insertSubscriptionIfMissing(
          { ...subscription, channelId: '43', source: 'config' },
          at('2026-11-26T00:00:00Z'),
        ),
      ).toBe(true);
      expect((await store.listSubscriptions({ source: 'config' })).map((s) => s.channelId)).toEqual(['43']);
    });
  });

  describe('due subscriptions', () => {
    const platforms = ['slack', 'discord'] as const;
    it('lists enabled ones whose next run has come, in pages, and moves them on', async () => {
      for (let i = 0; i < 5; i++) {
        await store.upsertSubscription({ ...subscription, channelId: `${i}` }, at('2026-11-25T07:00:00Z'));
      }
      await store.disableSubscription('discord', '4', 'off', at('2026-11-25T07:00:00Z'));
      const now = at('2026-11-25T07:00:00Z');
      const first = await store.dueSubscriptions(now, { platforms, limit: 2 });
      expect(first.map((s) => s.channelId)).toEqual(['0', '1']);
      expect(first[0]?.nextRunAt).toEqual(new Date(0)); // a new subscription: look at it at once
      const rest = await store.dueSubscriptions(now, { platforms, limit: 10, after: first[1] });
      expect(rest.map((s) => s.channelId)).toEqual(['2', '3']);
      expect(await store.dueSubscriptions(now, { platforms: ['slack'], limit: 10 })).toEqual([]);

      const tomorrow = at('2026-11-26T08:00:00Z');
      expect(await store.setNextRun('discord', '0', { from: new Date(0), to: tomorrow })).toBe(true);
      expect(await store.setNextRun('discord', '0', { from: new Date(0), to: tomorrow })).toBe(false);
      expect(
        await store.claim(
          { ...ref, platform: 'discord', channelId: '1', patternSlug: 'x' },
          {
            owner: 'a',
            staleAfterMs: FRESH,
            advance: { from: new Date(0), to: tomorrow },
          },
        ),
      ).toBe(true);
      // A lost claim moves it on too (the winner delivers it; a stale claim comes back by its own query).
      expect(
        await store.claim(
          { ...ref, platform: 'discord', channelId: '1', patternSlug: 'x' },
          {
            owner: 'b',
            staleAfterMs: FRESH,
            advance: { from: tomorrow, to: at('2026-11-27T08:00:00Z') },
          },
        ),
      ).toBe(false);
      expect((await store.dueSubscriptions(now, { platforms, limit: 10 })).map((s) => s.channelId)).toEqual([
        '2',
        '3',
      ]);
      expect(
        (await store.dueSubscriptions(at('2026-11-26T08:00:00Z'), { platforms, limit: 10 })).map(
          (s) => s.channelId,
        ),
      ).toEqual(['2', '3', '0']);

      // Any change makes it due at once again.
      await store.upsertSubscription(
        { ...subscription, channelId: '0', time: '10:00' },
        at('2026-11-25T07:30:00Z'),
      );
      expect((await store.dueSubscriptions(now, { platforms, limit: 10 })).map((s) => s.channelId)).toEqual([
        '0',
        '2',
        '3',
      ]);
    });
  });

  describe('claims', () => {
    it('lets one owner claim a delivery, and no one else while it is fresh', async () => {
      expect(await claim('a')).toBe(true);
      expect(await claim('b')).toBe(false);
      expect(await claim('a')).toBe(false);
      expect(await store.getDelivery(ref)).toMatchObject({ status: 'claimed', claimOwner: 'a', attempts: 0 });
    });

    it('lets a stale unsent claim be taken over (by the database clock), and the old owner loses it', async () => {
      await claim('a');
      await sleep(30);
      expect(await claim('b', 10_000)).toBe(false);
      expect(await claim('b', 10)).toBe(true);
      expect((await store.getDelivery(ref))?.claimOwner).toBe('b');
      expect(await store.recordAttempt(ref, 'a')).toBe(0);
      expect(await store.markSent(ref, 'a', { messageId: 'x' })).toBe(false);
      expect(await store.recordAttempt(ref, 'b')).toBe(1);
    });

    it('never claims a sent delivery again', async () => {
      await claim('a');
      expect(await store.recordAttempt(ref, 'a')).toBe(1);
      const before = Date.now();
      expect(await store.markSent(ref, 'a', { messageId: 'm1' })).toBe(true);
      await sleep(5);
      expect(await claim('b', 0)).toBe(false);
      const delivery = await store.getDelivery(ref);
      expect(delivery).toMatchObject({
        status: 'sent',
        messageId: 'm1',
        attempts: 1,
        patternSlug: 'saga-pattern',
      });
      expect(Math.abs((delivery?.sentAt?.getTime() ?? 0) - before)).toBeLessThan(5_000);
    });

    it('lets a failed delivery be claimed again after the timeout, and a released one at once', async () => {
      await claim('a');
      expect(await store.markFailed(ref, 'a', 'http_500')).toBe(true);
      expect(await store.getDelivery(ref)).toMatchObject({ status: 'failed', lastError: 'http_500' });
      expect(await claim('b')).toBe(false);
      await sleep(20);
      expect(await claim('b', 10)).toBe(true);
      expect(await store.release(ref, 'b', 'stopping')).toBe(true);
      expect(await store.release(ref, 'b', 'stopping')).toBe(false);
      expect(await claim('c')).toBe(true);
    });

    it('stops claiming after the attempt cap', async () => {
      await claim('a');
      await store.recordAttempt(ref, 'a');
      await store.recordAttempt(ref, 'a');
      await store.release(ref, 'a', 'x');
      const again = (maxAttempts: number) =>
        store.claim({ ...ref, patternSlug: 'saga-pattern' }, { owner: 'b', staleAfterMs: 0, maxAttempts });
      expect(await again(2)).toBe(false);
      expect(await again(3)).toBe(true);
    });

    it('gives exactly one of many racing connections the claim', async () => {
      const stores = [store, second(), second()];
      const results = await Promise.all(
        Array.from({ length: 30 }, (_, i) => claim(`owner-${i}`, FRESH, stores[i % stores.length])),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
    });

    it('lists stale unsent deliveries of enabled subscriptions since a date, and prunes old ones', async () => {
      await store.upsertSubscription(
        { ...subscription, platform: 'slack', channelId: 'C1' },
        at('2026-11-20T00:00:00Z'),
      );
      await store.upsertSubscription(
        { ...subscription, platform: 'slack', channelId: 'C2' },
        at('2026-11-20T00:00:00Z'),
      );
      const make = (channelId: string, localDate: string) =>
        store.claim(
          { platform: 'slack', channelId, localDate, patternSlug: 'x' },
          { owner: 'a', staleAfterMs: FRESH },
        );
      await make('C1', '2026-11-25');
      await make('C1', '2026-10-01');
      await make('C2', '2026-11-25');
      await store.recordAttempt({ platform: 'slack', channelId: 'C2', localDate: '2026-11-25' }, 'a');
      await store.markSent({ platform: 'slack', channelId: 'C2', localDate: '2026-11-25' }, 'a', {
        messageId: 'm',
      });
      await sleep(20);
      expect(
        await store.staleDeliveries({
          staleAfterMs: 10_000,
          maxAttempts: 5,
          sinceDate: '2026-11-24',
          limit: 10,
        }),
      ).toEqual([]);
      const stale = await store.staleDeliveries({
        staleAfterMs: 10,
        maxAttempts: 5,
        sinceDate: '2026-11-24',
        limit: 10,
      });
      expect(
        stale.map((s) => `${s.delivery.channelId} ${s.delivery.localDate} ${s.subscription.time}`),
      ).toEqual(['C1 2026-11-25 09:00']);
      expect(stale[0]?.subscription).toMatchObject({
        platform: 'slack',
        channelId: 'C1',
        enabled: true,
        timeZone: 'Europe/Berlin',
      });
      await store.disableSubscription('slack', 'C1', 'off', at('2026-11-25T00:00:00Z'));
      expect(
        await store.staleDeliveries({ staleAfterMs: 10, maxAttempts: 5, sinceDate: '2026-11-24', limit: 10 }),
      ).toEqual([]);

      expect(await store.pruneDeliveries('2026-10-26')).toBe(1);
      expect((await store.listDeliveries()).map((d) => `${d.channelId} ${d.localDate}`)).toEqual([
        'C1 2026-11-25',
        'C2 2026-11-25',
      ]);
    });
  });

  describe('Slack event dedupe', () => {
    it('answers "new" once per id, across connections, until it expires', async () => {
      const other = second();
      const answers = await Promise.all(
        Array.from({ length: 10 }, (_, i) => (i % 2 ? other : store).seenEvent('Ev1', 60_000)),
      );
      expect(answers.filter(Boolean)).toHaveLength(1);
      expect(await store.seenEvent('Ev2', 60_000)).toBe(true);
      expect(await store.seenEvent('Ev3', 10)).toBe(true);
      await sleep(30);
      expect(await other.seenEvent('Ev3', 60_000)).toBe(true); // expired: new again
      expect(await other.seenEvent('Ev3', 60_000)).toBe(false);
      expect(await store.seenEvent('Ev4', 10)).toBe(true);
      await sleep(30);
      expect(await store.pruneEvents()).toBe(1);
      expect(await store.seenEvent('Ev1', 60_000)).toBe(false);
    });
  });

  describe('miss log', () => {
    it('counts misses by text, lists the frequent ones since a time, and prunes old ones', async () => {
      await store.recordMiss('raft consensus', at('2026-11-20T10:00:00Z'));
      await store.recordMiss('raft consensus', at('2026-11-25T10:00:00Z'));
      await store.recordMiss('gossip', at('2026-11-24T10:00:00Z'));
      await store.recordMiss('old thing', at('2026-08-01T10:00:00Z'));
      await store.recordMiss('x'.repeat(500), at('2026-11-25T11:00:00Z'));
      const misses = await store.listMisses({ since: at('2026-11-01T00:00:00Z'), limit: 2 });
      expect(misses).toEqual([
        {
          text: 'raft consensus',
          count: 2,
          firstSeen: at('2026-11-20T10:00:00Z'),
          lastSeen: at('2026-11-25T10:00:00Z'),
        },
        {
          text: 'x'.repeat(200),
          count: 1,
          firstSeen: at('2026-11-25T11:00:00Z'),
          lastSeen: at('2026-11-25T11:00:00Z'),
        },
      ]);
      expect(await store.pruneMisses(at('2026-09-01T00:00:00Z'))).toBe(1);
      expect(await store.listMisses({ since: new Date(0), limit: 10 })).toHaveLength(3);
    });
  });

  describe('most asked patterns', () => {
    it('counts asks per pattern and UTC day, sums them since a day, most asked first, and prunes old days', async () => {
      await store.recordAsk('saga', at('2026-11-20T23:59:00Z'));
      await store.recordAsk('saga', at('2026-11-25T00:01:00Z'));
      await store.recordAsk('saga', at('2026-11-25T10:00:00Z'));
      await store.recordAsk('outbox', at('2026-11-24T10:00:00Z'));
      await store.recordAsk('cqrs', at('2026-11-24T10:00:00Z'));
      await store.recordAsk('sidecar', at('2026-08-01T10:00:00Z'));
      expect(await store.listAsked({ since: at('2026-11-01T12:00:00Z'), limit: 2 })).toEqual([
        { slug: 'saga', count: 3, firstDay: '2026-11-20', lastDay: '2026-11-25' },
        { slug: 'cqrs', count: 1, firstDay: '2026-11-24', lastDay: '2026-11-24' },
      ]);
      // The day of `since` counts whole, whatever the hour.
      expect(await store.listAsked({ since: at('2026-11-25T23:00:00Z'), limit: 10 })).toEqual([
        { slug: 'saga', count: 2, firstDay: '2026-11-25', lastDay: '2026-11-25' },
      ]);
      expect(await store.pruneAsks(at('2026-11-21T08:00:00Z'))).toBe(2);
      expect(
        (await store.listAsked({ since: new Date(0), limit: 10 })).map((a) => [a.slug, a.count]),
      ).toEqual([
        ['saga', 2],
        ['cqrs', 1],
        ['outbox', 1],
      ]);
    });

    it('counts asks from two connections at once without losing one', async () => {
      const other = second();
      await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          (i % 2 ? other : store).recordAsk('saga', at('2026-11-25T10:00:00Z')),
        ),
      );
      expect(await store.listAsked({ since: at('2026-11-25T00:00:00Z'), limit: 1 })).toEqual([
        { slug: 'saga', count: 20, firstDay: '2026-11-25', lastDay: '2026-11-25' },
      ]);
    });
  });
  reviewContract(() => store, second);
}
