import { afterEach, describe, expect, it } from 'vitest';
import type { SlackService } from '../../src/adapters/slack/slack-app.js';
import { type App, createApp } from '../../src/app.js';
import { parseConfig } from '../../src/config.js';
import type { DailyScheduler } from '../../src/daily/daily-scheduler.js';
import type { DiagramImages } from '../../src/diagrams/diagram-images.js';
import { createLogger } from '../../src/logger.js';
import { FakeClock, tempDatabase } from '../daily/fakes.js';
import { type FakeSlack, slackSignature, startFakeSlack } from '../fakes/fake-slack.js';
import { realBot } from '../helpers/catalog.js';
import { realDiagramCache } from '../helpers/diagrams.js';

const SECRET = 'daily-test-secret';
const CHANNEL = 'C0DAILY';

/** The whole app as main builds it (createApp), with Slack in HTTP mode against the fake Slack. */
interface Running {
  readonly app: App;
  readonly fake: FakeSlack;
  readonly clock: FakeClock;
  command(
    text: string,
    user?: string,
    fields?: Record<string, string>,
  ): Promise<{ text: string; blocks?: unknown[] }>;
  close(): Promise<void>;
}

const running: Running[] = [];
afterEach(async () => {
  for (const r of running.splice(0)) await r.close();
});

async function start(
  env: Record<string, string> = {},
  at = '2026-11-25T06:00:00Z',
  diagrams?: DiagramImages,
): Promise<Running> {
  const fake = await startFakeSlack();
  const db = tempDatabase();
  const clock = new FakeClock(new Date(at));
  const config = parseConfig({
    SLACK_BOT_TOKEN: 'xoxb-daily-test',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: fake.apiUrl,
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_PATH: db.path,
    ...env,
  });
  const app = createApp({
    config,
    bot: realBot(),
    logger: createLogger('silent'),
    clock: clock.now,
    slack: { retryConfig: { retries: 0 } },
    daily: { tickPattern: null, retry: { attempts: 3, baseMs: 1 } },
    ...(diagrams ? { diagrams } : {}),
  });
  await app.start();
  const slack = app.services.find((s) => s.name === 'slack') as SlackService;
  const command = async (text: string, user = 'U0ASKER', fields: Record<string, string> = {}) => {
    const body = new URLSearchParams({
      team_id: 'T0TEST',
      channel_id: CHANNEL,
      channel_name: 'daily',
      user_id: user,
      command: '/pattern',
      text,
      response_url: fake.responseUrl('daily'),
      trigger_id: '1.2.3',
      ...fields,
    }).toString();
    const response = await fetch(`http://127.0.0.1:${slack.port()}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...slackSignature(SECRET, body) },
      body,
    });
    expect(response.status).toBe(200);
    return (await response.json()) as { text: string; blocks?: unknown[] };
  };
  const r: Running = {
    app,
    fake,
    clock,
    command,
    async close() {
      await app.stop();
      await fake.close();
      db.cleanup();
    },
  };
  running.push(r);
  return r;
}

/** The daily scheduler among the app's services (the last one started). */
const scheduler = (app: App) => app.services.find((s) => s.name === 'daily') as DailyScheduler;

const dailyPosts = (fake: FakeSlack) =>
  fake.callsTo('chat.postMessage').filter((c) => c.args.channel === CHANNEL && !c.args.thread_ts);

describe('pattern of the day on Slack, through the whole app', () => {
  it('subscribes with /pattern daily on, posts at 09:00 New York once, and shows the status', async () => {
    const { app, fake, clock, command } = await start();
    const on = await command('daily on 09:00 America/New_York');
    expect(on.text).toMatch(/09:00/);
    expect(fake.callsTo('conversations.info')).toHaveLength(1);

    clock.set('2026-11-25T13:59:00Z');
    await scheduler(app).tick();
    expect(dailyPosts(fake)).toHaveLength(0);
    clock.set('2026-11-25T14:00:00Z');
    await scheduler(app).tick();
    clock.set('2026-11-25T14:01:00Z');
    await scheduler(app).tick();
    const posts = dailyPosts(fake);
    expect(posts).toHaveLength(1);
    expect(JSON.stringify(posts[0]?.args.blocks)).toContain('Pattern of the day');
    expect(JSON.stringify(posts[0]?.args.blocks)).toContain(realBot().patternOfTheDay('2026-11-25').name);

    const status = await command('daily');
    expect(status.text).toContain('America/New_York');
    const today = await command('today');
    expect(today.text).toContain(realBot().patternOfTheDay('2026-11-25').name);
  });

  it('says how to fix it when the bot is not in the channel', async () => {
    const { app, fake, command } = await start();
    fake.notMemberOf.add(CHANNEL);
    const on = await command('daily on');
    expect(on.text).toContain('/invite @pattern-bot');
    expect(await app.daily?.store.getSubscription('slack', CHANNEL)).toBeUndefined();
  });

  it('in a DM or a group DM, says the daily pattern is for channels, asking Slack nothing', async () => {
    const { app, fake, command } = await start({ DAILY_SLACK_ADMINS_ONLY: 'true' });
    fake.reset(); // the auth.test of startup
    for (const fields of [
      { channel_id: 'D0DM', channel_name: 'directmessage' },
      { channel_id: 'C0MPDM', channel_name: 'mpdm-a--b--c-1' },
    ]) {
      const on = await command('daily on', 'U0ASKER', fields);
      expect(on.text).toContain('The daily pattern is for channels');
      expect(on.text).not.toContain('/invite');
      expect(await app.daily?.store.getSubscription('slack', fields.channel_id)).toBeUndefined();
    }
    expect(fake.calls).toEqual([]);
  });

  it('with DAILY_SLACK_ADMINS_ONLY, only admins may turn it on', async () => {
    const { app, fake, command } = await start({ DAILY_SLACK_ADMINS_ONLY: 'true' });
    fake.admins.add('U0ADMIN');
    const refused = await command('daily on', 'U0MEMBER');
    expect(await app.daily?.store.getSubscription('slack', CHANNEL)).toBeUndefined();
    expect(refused.text).toContain('Only workspace admins');
    await command('daily on', 'U0ADMIN');
    expect((await app.daily?.store.getSubscription('slack', CHANNEL))?.enabled).toBe(true);
    // Anyone may still see the status, with no users.info lookup.
    const before = fake.callsTo('users.info').length;
    await command('daily', 'U0MEMBER');
    expect(fake.callsTo('users.info')).toHaveLength(before);
  });

  it('retries a 500 and posts once; a deleted channel disables the subscription', async () => {
    const { app, fake, clock, command } = await start();
    await command('daily on 07:00 UTC');
    fake.failNext('chat.postMessage', { status: 500 }, 1);
    clock.set('2026-11-25T07:00:00Z');
    await scheduler(app).tick();
    expect(
      (await app.daily?.store.getDelivery({ platform: 'slack', channelId: CHANNEL, localDate: '2026-11-25' }))
        ?.status,
    ).toBe('sent');
    expect(dailyPosts(fake)).toHaveLength(2); // the failed attempt and the one that went through

    fake.failNext('chat.postMessage', { error: 'channel_not_found' }, 5);
    clock.set('2026-11-26T07:00:00Z');
    await scheduler(app).tick();
    const subscription = await app.daily?.store.getSubscription('slack', CHANNEL);
    expect(subscription?.enabled).toBe(false);
    expect(subscription?.disabledReason).toContain('channel_not_found');
  });

  it('starts a discussion thread under the post when the channel asked for one', async () => {
    const { app, fake, clock, command } = await start();
    await command('daily on 07:00 UTC thread');
    clock.set('2026-11-25T07:00:00Z');
    await scheduler(app).tick();
    expect(dailyPosts(fake)).toHaveLength(1);
    const replies = fake.callsTo('chat.postMessage').filter((c) => c.args.thread_ts !== undefined);
    expect(replies).toHaveLength(1);
    expect(replies[0]?.args.thread_ts).toMatch(/^1700000000\.\d{6}$/); // the ts the fake gave the post
    expect(String(replies[0]?.args.text)).toContain(realBot().patternOfTheDay('2026-11-25').name);
  });

  it('with daily on diagram, uploads the pattern’s picture under the post (no PUBLIC_URL)', async () => {
    const { app, fake, clock, command } = await start({}, undefined, await realDiagramCache());
    const on = await command('daily on 07:00 UTC diagram');
    expect(on.text).toContain('Diagram in the post: on.');
    clock.set('2026-11-25T07:00:00Z');
    await scheduler(app).tick();
    const [post] = dailyPosts(fake);
    const today = realBot().patternOfTheDay('2026-11-25');
    // The post carries the text diagram; the picture follows in its thread, with its alt text.
    expect(JSON.stringify(post?.args.blocks)).toContain('```');
    const [asked] = fake.callsTo('files.getUploadURLExternal');
    expect(asked?.args.filename).toBe(`${today.slug}.png`);
    expect(String(asked?.args.alt_text)).toContain(`Diagram of ${today.name}.`);
    const [completed] = fake.callsTo('files.completeUploadExternal');
    expect(completed?.args).toMatchObject({ channel_id: CHANNEL });
    expect(completed?.args.thread_ts).toMatch(/^1700000000\.\d{6}$/); // the ts the fake gave the post
    expect(fake.uploads).toHaveLength(1);
    expect((await command('daily on no-diagram')).text).toContain('Diagram in the post: off.');
  });

  it('with daily on diagram and PUBLIC_URL, the post shows the picture as an image block', async () => {
    const { app, fake, clock, command } = await start(
      { PUBLIC_URL: 'https://patterns.example.com' },
      undefined,
      await realDiagramCache(),
    );
    await command('daily on 07:00 UTC diagram');
    clock.set('2026-11-25T07:00:00Z');
    await scheduler(app).tick();
    const [post] = dailyPosts(fake);
    const today = realBot().patternOfTheDay('2026-11-25');
    expect(post?.args.blocks).toContainEqual({
      type: 'image',
      image_url: `https://patterns.example.com/diagrams/${today.slug}.png`,
      alt_text: expect.stringContaining(`Diagram of ${today.name}.`),
    });
    expect(fake.callsTo('files.getUploadURLExternal')).toEqual([]);
  });

  it('turns off with /pattern daily off, and nothing is posted after', async () => {
    const { app, fake, clock, command } = await start();
    await command('daily on 07:00 UTC');
    const off = await command('daily off');
    expect(off.text).toContain('off');
    expect((await app.daily?.store.getSubscription('slack', CHANNEL))?.enabled).toBe(false);
    clock.set('2026-11-25T07:00:00Z');
    await scheduler(app).tick();
    expect(dailyPosts(fake)).toHaveLength(0);
  });

  it('catches up once on start after being down at the posting time, and never posts a past date', async () => {
    const shared = tempDatabase();
    try {
      const first = await start({ DATABASE_PATH: shared.path });
      await first.command('daily on 09:00 UTC');
      await first.close();
      running.splice(running.indexOf(first), 1);
      // Down from 08:00 to 11:00: a new process on the same database starts at 11:00 and posts once.
      const second = await start({ DATABASE_PATH: shared.path }, '2026-11-25T11:00:00Z');
      await scheduler(second.app).idle();
      expect(dailyPosts(second.fake)).toHaveLength(1);
      second.clock.set('2026-11-25T11:01:00Z');
      await scheduler(second.app).tick();
      expect(dailyPosts(second.fake)).toHaveLength(1);
      // The 26th's post was missed entirely: on the 27th at 08:00 it is not sent late.
      second.clock.set('2026-11-27T08:00:00Z');
      await scheduler(second.app).tick();
      expect(dailyPosts(second.fake)).toHaveLength(1);
    } finally {
      shared.cleanup();
    }
  });
});
