import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBot } from '../../src/core/bot.js';
import { parseWeekdays } from '../../src/core/daily/weekdays.js';
import { createDailyScheduler, type DailyScheduler } from '../../src/daily/daily-scheduler.js';
import { PostError } from '../../src/daily/poster.js';
import { addDays } from '../../src/daily/schedule.js';
import { parseDailyChannels } from '../../src/daily/static-channels.js';
import type { DailyStore } from '../../src/daily/store.js';
import { EVERY_DAY, type SubscriptionInput } from '../../src/daily/subscription.js';
import { createSqliteStore } from '../../src/store/sqlite.js';
import { realBot, realPatterns } from '../helpers/catalog.js';
import { captureLogger, channelGone, FakeClock, FakePoster, openTempStore, serverError } from './fakes.js';

const bot = realBot();
const MINUTE = 60_000;
let temp: ReturnType<typeof openTempStore>;
let store: DailyStore;
let clock: FakeClock;
let slack: FakePoster;
let discord: FakePoster;
let log: ReturnType<typeof captureLogger>;
const started: DailyScheduler[] = [];

beforeEach(() => {
  clock = new FakeClock(new Date('2026-11-25T00:00:00Z'));
  temp = openTempStore({ clock: clock.now });
  store = temp.store;
  slack = new FakePoster('slack', clock.now);
  discord = new FakePoster('discord', clock.now);
  log = captureLogger();
});
afterEach(async () => {
  await Promise.all(started.splice(0).map((scheduler) => scheduler.stop()));
  await temp.cleanup();
});

function scheduler(options: Partial<Parameters<typeof createDailyScheduler>[0]> = {}): DailyScheduler {
  const created = createDailyScheduler({
    store,
    posters: [slack, discord],
    bot,
    clock: clock.now,
    logger: log.logger,
    owner: 'test-1',
    staleClaimMs: MINUTE,
    retry: { attempts: 3, baseMs: 1 },
    tickPattern: null,
    ...options,
  });
  started.push(created);
  return created;
}

function subscribe(
  input: Partial<SubscriptionInput> & { channelId: string },
  since = '2026-01-01T00:00:00Z',
) {
  return store.upsertSubscription(
    {
      platform: 'slack',
      time: '09:00',
      timeZone: 'UTC',
      weekdays: EVERY_DAY,
      thread: false,
      diagram: false,
      source: 'command',
      ...input,
    },
    new Date(since),
  );
}

/** Ticks once a minute (at second 0, as croner does) from `from` up to and including `to`. */
async function runMinutes(daily: DailyScheduler, from: string, to: string) {
  for (let t = Date.parse(from); t <= Date.parse(to); t += MINUTE) {
    clock.set(new Date(t).toISOString());
    await daily.tick();
  }
}

const postTimes = (poster: FakePoster) => poster.posts.map((post) => post.at);

describe('on time, in each zone', () => {
  it('posts at 09:00 local in Berlin and New York, once each, not before', async () => {
    await subscribe({ platform: 'discord', channelId: 'berlin', timeZone: 'Europe/Berlin' });
    await subscribe({ platform: 'slack', channelId: 'new-york', timeZone: 'America/New_York' });
    // From midnight in New York (06:00 in Berlin) for 24 hours.
    await runMinutes(scheduler(), '2026-11-25T05:00:00Z', '2026-11-26T04:59:00Z');
    expect(postTimes(discord)).toEqual(['2026-11-25T08:00:00.000Z']);
    expect(postTimes(slack)).toEqual(['2026-11-25T14:00:00.000Z']);
    expect(discord.posts[0]?.slug).toBe(slack.posts[0]?.slug);
    expect(discord.posts[0]?.slug).toBe(bot.todayAnswer('2026-11-25').pattern.slug);
    expect(slack.posts[0]?.options).toEqual({
      idempotencyKey: 'daily:slack:new-york:2026-11-25',
      maybeSentBefore: false,
    });
    expect(
      await store.getDelivery({ platform: 'slack', channelId: 'new-york', localDate: '2026-11-25' }),
    ).toMatchObject({
      status: 'sent',
      messageId: 'slack-1',
      attempts: 1,
    });
  });

  it('asks the poster for a discussion thread where the channel wants one, retries included', async () => {
    await subscribe({ channelId: 'with-thread', thread: true });
    await subscribe({ channelId: 'without' });
    slack.failNext('with-thread', serverError());
    clock.set('2026-11-25T09:00:00Z');
    await scheduler().tick();
    const threadFor = (channelId: string) =>
      slack.posts.filter((post) => post.channelId === channelId).map((post) => post.options.thread?.name);
    expect(slack.attempts.filter((channelId) => channelId === 'with-thread')).toHaveLength(2);
    const answer = bot.todayAnswer('2026-11-25');
    expect(threadFor('with-thread')).toEqual([`${answer.pattern.name} · 2026-11-25`]);
    expect(threadFor('without')).toEqual([undefined]);
  });

  it.each([
    ['America/New_York', '02:30', '2026-03-08T05:00:00Z', '2026-03-09T03:59:00Z', '2026-03-08T07:00:00.000Z'],
    ['Europe/Berlin', '02:30', '2026-03-28T23:00:00Z', '2026-03-29T21:59:00Z', '2026-03-29T01:00:00.000Z'],
    ['America/New_York', '01:30', '2026-11-01T04:00:00Z', '2026-11-02T04:59:00Z', '2026-11-01T05:30:00.000Z'],
    ['Europe/Berlin', '02:30', '2026-10-24T22:00:00Z', '2026-10-25T22:59:00Z', '2026-10-25T00:30:00.000Z'],
  ])(
    'DST day in %s, %s local: exactly one post, at %s…%s → %s',
    async (timeZone, time, from, to, expected) => {
      await subscribe({ channelId: 'dst', timeZone, time });
      await runMinutes(scheduler(), from, to);
      expect(postTimes(slack)).toEqual([expected]);
    },
  );
});

describe('exactly once through crashes and restarts', () => {
  const berlin = { platform: 'discord', channelId: 'berlin', timeZone: 'Europe/Berlin' } as const;
  const today = { platform: 'discord', channelId: 'berlin', localDate: '2026-11-25' } as const;

  it('takes up a claim left by a crash between claim and send once it is stale, and not before', async () => {
    await subscribe(berlin);
    // The crashed process claimed at 09:00:00 and died before sending.
    clock.set('2026-11-25T08:00:00Z');
    await store.claim({ ...today, patternSlug: 'x' }, { owner: 'crashed', staleAfterMs: MINUTE });
    clock.set('2026-11-25T08:00:30Z'); // restarted at 09:00:30
    const daily = scheduler();
    await daily.start();
    await daily.idle();
    expect(discord.posts).toEqual([]);
    clock.set('2026-11-25T08:00:59Z');
    await daily.tick();
    expect(discord.posts).toEqual([]);
    await runMinutes(daily, '2026-11-25T08:01:00Z', '2026-11-25T09:00:00Z');
    expect(postTimes(discord)).toEqual(['2026-11-25T08:01:00.000Z']);
    expect(discord.posts[0]?.options.maybeSentBefore).toBe(false);
  });

  it('resends after a crash in the middle of a send with the same key, flagged as maybe sent', async () => {
    await subscribe(berlin);
    clock.set('2026-11-25T08:00:00Z');
    const dying = new FakePoster('discord', clock.now).stallNext('berlin', new Promise(() => {}));
    void scheduler({ posters: [dying], owner: 'dying' }).tick(); // never settles: the process "dies" mid-send
    started.pop(); // a dead process is not stopped
    await vi.waitFor(() => expect(dying.attempts).toEqual(['berlin']));

    const second = createSqliteStore(temp.path, { clock: clock.now });
    try {
      clock.set('2026-11-25T08:00:30Z');
      const restarted = scheduler({ store: second, owner: 'restarted' });
      await restarted.start();
      await restarted.idle();
      expect(discord.posts).toEqual([]);
      await runMinutes(restarted, '2026-11-25T08:01:00Z', '2026-11-25T08:10:00Z');
      expect(discord.posts.map((p) => p.options)).toEqual([
        { idempotencyKey: 'daily:discord:berlin:2026-11-25', maybeSentBefore: true },
      ]);
      expect(await second.getDelivery(today)).toMatchObject({
        status: 'sent',
        attempts: 2,
        claimOwner: 'restarted',
      });
    } finally {
      await started.pop()?.stop();
      await second.close();
    }
  });

  it('catches up once at start after being down from 08:00 to 11:00, and never posts yesterday’s', async () => {
    await subscribe(berlin);
    clock.set('2026-11-25T10:00:00Z'); // 11:00 in Berlin
    const daily = scheduler();
    await daily.start();
    await daily.idle();
    expect(postTimes(discord)).toEqual(['2026-11-25T10:00:00.000Z']);
    await runMinutes(daily, '2026-11-25T10:01:00Z', '2026-11-25T22:59:00Z');
    expect(discord.posts).toHaveLength(1);

    // Down again all of the 26th; back at 00:30 on the 27th: the 26th's post is gone for good.
    clock.set('2026-11-26T23:30:00Z');
    const after = scheduler({ owner: 'test-2' });
    await after.start();
    await after.idle();
    expect(discord.posts).toHaveLength(1);
    await runMinutes(after, '2026-11-27T07:58:00Z', '2026-11-27T08:00:00Z');
    expect(discord.posts.map((p) => p.date)).toEqual(['2026-11-25', '2026-11-27']);
  });

  it('posts today for a subscription made before today’s time, and from tomorrow for one made after', async () => {
    await subscribe({ channelId: 'early' }, '2026-11-25T08:59:00Z');
    await subscribe({ channelId: 'late' }, '2026-11-25T09:01:00Z');
    await runMinutes(scheduler(), '2026-11-25T08:59:00Z', '2026-11-26T09:00:00Z');
    expect(slack.posts.map((p) => `${p.channelId} ${p.at}`)).toEqual([
      'early 2026-11-25T09:00:00.000Z',
      'early 2026-11-26T09:00:00.000Z',
      'late 2026-11-26T09:00:00.000Z',
    ]);
  });

  it('delivers a subscription made through another process sharing the database', async () => {
    const daily = scheduler();
    clock.set('2026-11-25T09:00:00Z');
    await daily.tick();
    const other = createSqliteStore(temp.path, { clock: clock.now });
    await other.upsertSubscription(
      {
        platform: 'slack',
        channelId: 'elsewhere',
        time: '09:00',
        timeZone: 'UTC',
        weekdays: EVERY_DAY,
        thread: false,
        diagram: false,
        source: 'command',
      },
      new Date('2026-11-25T08:30:00Z'),
    );
    await other.close();
    clock.set('2026-11-25T09:01:00Z');
    await daily.tick();
    expect(slack.posts.map((p) => p.channelId)).toEqual(['elsewhere']);
  });
});

describe('failures', () => {
  it('retries a 500 and posts once', async () => {
    await subscribe({ channelId: 'flaky' });
    slack.failNext('flaky', serverError());
    await runMinutes(scheduler(), '2026-11-25T09:00:00Z', '2026-11-25T09:05:00Z');
    expect(slack.attempts).toEqual(['flaky', 'flaky']);
    expect(slack.posts.map((p) => p.options.maybeSentBefore)).toEqual([true]);
    expect(log.lines.find((l) => l.msg === 'daily post failed; retrying')).toMatchObject({
      level: 40,
      channelId: 'flaky',
      code: 'http_500',
    });
  });

  it('backs off exponentially, honours Retry-After, and after the last attempt waits for the claim timeout', async () => {
    await subscribe({ channelId: 'down' });
    const delays: number[] = [];
    const sleep = async (ms: number) => {
      delays.push(ms);
      return true;
    };
    const rateLimited = new PostError('retryable', 'http_429', 'rate limited', { retryAfterMs: 30 });
    slack.failNext('down', serverError(), rateLimited, serverError());
    const daily = scheduler({ sleep, retry: { attempts: 3, baseMs: 10, maxMs: 1000 } });
    clock.set('2026-11-25T09:00:00Z');
    await daily.tick();
    expect(delays).toEqual([10, 30]);
    expect(slack.posts).toEqual([]);
    expect(
      await store.getDelivery({ platform: 'slack', channelId: 'down', localDate: '2026-11-25' }),
    ).toMatchObject({
      status: 'failed',
      attempts: 3,
      lastError: 'http_500: internal server error',
    });
    expect(log.lines.some((l) => l.level === 50 && String(l.msg).includes('failed 3 times'))).toBe(true);
    await runMinutes(daily, '2026-11-25T09:00:00Z', '2026-11-25T09:01:00Z');
    expect(postTimes(slack)).toEqual(['2026-11-25T09:01:00.000Z']);
  });

  it('disables the subscription when the channel is gone, and says why', async () => {
    await subscribe({ channelId: 'deleted' });
    await subscribe({ channelId: 'fine' });
    slack.failNext('deleted', channelGone());
    await runMinutes(scheduler(), '2026-11-25T09:00:00Z', '2026-11-26T09:00:00Z');
    expect(slack.attempts.filter((c) => c === 'deleted')).toHaveLength(1);
    expect(slack.posts.map((p) => p.channelId)).toEqual(['fine', 'fine']);
    expect(await store.getSubscription('slack', 'deleted')).toMatchObject({
      enabled: false,
      disabledReason: 'posting failed: channel_not_found (channel_not_found)',
    });
    expect(
      log.lines.find((l) => l.msg === 'daily post failed for good: subscription disabled'),
    ).toMatchObject({
      channelId: 'deleted',
      code: 'channel_not_found',
    });
  });

  it('does not let one slow channel delay another', async () => {
    await subscribe({ platform: 'discord', channelId: 'slow' });
    await subscribe({ platform: 'slack', channelId: 'quick' });
    let release = () => {};
    discord.stallNext('slow', new Promise((resolve) => (release = resolve)));
    clock.set('2026-11-25T09:00:00Z');
    const daily = scheduler();
    const ticking = daily.tick();
    await vi.waitFor(() => expect(daily.health()).toMatchObject({ inFlight: 1 }));
    expect(slack.posts.map((p) => p.channelId)).toEqual(['quick']);
    expect(discord.posts).toEqual([]);
    release();
    await ticking;
    expect(discord.posts.map((p) => p.channelId)).toEqual(['slow']);
  });
});

describe('what and when', () => {
  it('rotates through 12 different patterns on 12 consecutive dates, the same on every run', async () => {
    await subscribe({ channelId: 'rotation' });
    const daily = scheduler();
    for (let day = 0; day < 12; day++) {
      clock.set(`${addDays('2026-11-25', day)}T09:00:00Z`);
      await daily.tick();
    }
    const slugs = slack.posts.map((p) => p.slug);
    expect(new Set(slugs).size).toBe(12);
    expect(slugs).toEqual([
      'strangler-fig-pattern',
      'sidecar-pattern',
      'saga-pattern',
      'event-sourcing-pattern',
      'event-driven-architecture',
      'api-gateway-pattern',
      'microservices-architecture',
      'cqrs-pattern',
      'outbox-pattern',
      'circuit-breaker-pattern',
      'sharding-pattern',
      'service-oriented-architecture',
    ]);
    const fresh = createBot(realPatterns().reverse());
    expect(slugs).toEqual(slack.posts.map((p) => fresh.todayAnswer(p.date ?? '').pattern.slug));
  });

  it('prunes the miss log and the asked counts older than the retention, and keeps the rest', async () => {
    const full = temp.store;
    await full.recordMiss('old question', new Date('2026-11-10T00:00:00Z'));
    await full.recordMiss('new question', new Date('2026-11-20T00:00:00Z'));
    await full.recordAsk('saga-pattern', new Date('2026-11-10T00:00:00Z'));
    await full.recordAsk('outbox-pattern', new Date('2026-11-20T00:00:00Z'));
    await scheduler({ missRetentionDays: 7 }).tick();
    expect((await full.listMisses({ since: new Date(0), limit: 10 })).map((m) => m.text)).toEqual([
      'new question',
    ]);
    expect((await full.listAsked({ since: new Date(0), limit: 10 })).map((a) => a.slug)).toEqual([
      'outbox-pattern',
    ]);
  });

  it('posts only on the chosen weekdays', async () => {
    await subscribe({ channelId: 'workdays', weekdays: parseWeekdays('mon-fri') ?? 0 });
    await subscribe({ channelId: 'mwf', weekdays: parseWeekdays('mon,wed,fri') ?? 0 });
    const daily = scheduler();
    for (let day = 0; day < 7; day++) {
      clock.set(`${addDays('2026-11-23', day)}T09:30:00Z`); // Monday the 23rd to Sunday the 29th
      await daily.tick();
    }
    const dates = (channelId: string) =>
      slack.posts.filter((p) => p.channelId === channelId).map((p) => p.date);
    expect(dates('workdays')).toEqual(['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27']);
    expect(dates('mwf')).toEqual(['2026-11-23', '2026-11-25', '2026-11-27']);
  });

  it('makes DAILY_CHANNELS subscriptions at start, in the default zone', async () => {
    clock.set('2026-11-25T07:00:00Z');
    const daily = scheduler({
      staticChannels: parseDailyChannels('slack:C0123ABC, discord:1122334455'),
      defaultTimeZone: 'Europe/Berlin',
    });
    await daily.start();
    expect(
      (await store.listSubscriptions()).map((s) => [s.platform, s.channelId, s.source, s.time, s.timeZone]),
    ).toEqual([
      ['discord', '1122334455', 'config', '09:00', 'Europe/Berlin'],
      ['slack', 'C0123ABC', 'config', '09:00', 'Europe/Berlin'],
    ]);
    await runMinutes(daily, '2026-11-25T07:59:00Z', '2026-11-25T08:00:00Z');
    expect([...postTimes(slack), ...postTimes(discord)]).toEqual([
      '2026-11-25T08:00:00.000Z',
      '2026-11-25T08:00:00.000Z',
    ]);
  });
});

describe('as a service', () => {
  it('ticks on its own with croner and reports its health', async () => {
    await subscribe({ channelId: 'cron' });
    clock.set('2026-11-25T08:59:59Z');
    const daily = scheduler({ tickPattern: '* * * * * *' });
    expect(daily.health()).toMatchObject({ ok: false, state: 'idle' });
    await daily.start();
    await vi.waitFor(() =>
      expect(daily.health()).toMatchObject({
        ok: true,
        state: 'running',
        lastTickAt: '2026-11-25T08:59:59.000Z',
      }),
    );
    expect(slack.posts).toEqual([]);
    clock.set('2026-11-25T09:00:00Z');
    await vi.waitFor(() => expect(slack.posts).toHaveLength(1), { timeout: 3000 });
    await daily.stop();
    expect(daily.health()).toMatchObject({ ok: false, state: 'stopped' });
  });

  it('gives a claim back when stopped during a backoff, so another process can take it at once', async () => {
    await subscribe({ channelId: 'stopping' });
    slack.failNext('stopping', serverError());
    clock.set('2026-11-25T09:00:00Z');
    const daily = scheduler({ retry: { attempts: 3, baseMs: 60_000, maxMs: 60_000 } });
    const ticking = daily.tick();
    await vi.waitFor(() => expect(slack.attempts).toHaveLength(1));
    await daily.stop();
    await ticking;
    const next = scheduler({ owner: 'test-2' });
    await next.tick();
    expect(slack.posts.map((p) => p.channelId)).toEqual(['stopping']);
  });
});
