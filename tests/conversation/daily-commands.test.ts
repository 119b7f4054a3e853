import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createConversation } from '../../src/conversation/create-conversation.js';
import type { AskInput, Conversation } from '../../src/conversation/types.js';
import type { Card } from '../../src/core/card/card.js';
import { cardToText } from '../../src/core/card/card-to-text.js';
import { parseDailyCommand } from '../../src/core/daily/daily-command.js';
import { localDate } from '../../src/core/pattern-of-the-day.js';
import { runDailyCommand } from '../../src/daily/run-daily-command.js';
import type { DailyStore } from '../../src/daily/store.js';
import { captureLogger, FakeClock, FakePoster, openTempStore } from '../daily/fakes.js';
import { realBot } from '../helpers/catalog.js';

const bot = realBot();
let temp: ReturnType<typeof openTempStore>;
let store: DailyStore;
let clock: FakeClock;
let slack: FakePoster;
let conversation: Conversation;

beforeEach(() => {
  temp = openTempStore();
  store = temp.store;
  clock = new FakeClock(new Date('2026-11-25T07:00:00Z')); // Wednesday, 08:00 in Berlin
  slack = new FakePoster('slack');
  const deps = {
    store,
    platforms: new Set(['slack', 'discord'] as const),
    defaultTimeZone: 'Europe/Berlin',
    clock: clock.now,
  };
  conversation = createConversation({
    bot,
    logger: captureLogger().logger,
    defaultTimeZone: 'Europe/Berlin',
    clock: clock.now,
    daily: {
      run: (command, target) => runDailyCommand(command, target, deps),
      timeZoneOf: async (platform, channelId) => {
        const subscription = await store.getSubscription(platform, channelId);
        return subscription?.enabled ? subscription.timeZone : undefined;
      },
    },
  });
});
afterEach(() => temp.cleanup());

type Where = Omit<AskInput, 'text'>;
const inSlack: Where = {
  platform: 'slack',
  channelId: 'C1',
  userId: 'U1',
  workspaceId: 'T1',
  canPost: () => slack.checkCanPost('C1'),
};
const allowed = async () => true;
const inDiscord: Where = { platform: 'discord', channelId: '1001', userId: '7', canManageChannel: allowed };

const ask = (text: string, where: Where) => conversation.ask({ text, ...where });
/** A card's tone, then its text: what every platform shows of it. */
const text = (card: Card) => `${card.tone}: ${cardToText(card)}`;
const notice = (card: Card) => ({ tone: card.tone, lines: cardToText(card).split('\n').slice(1) });

describe('daily on / off / status', () => {
  it('subscribes with the defaults and says when the next post is', async () => {
    const answer = notice(await ask('daily on', inSlack));
    expect(answer.tone).toBe('success');
    expect(answer.lines).toContain('Time: 09:00 (Europe/Berlin), every day.');
    expect(answer.lines).toContain('Next post: Wed 2026-11-25 09:00 GMT+1.');
    expect(await store.getSubscription('slack', 'C1')).toMatchObject({
      time: '09:00',
      timeZone: 'Europe/Berlin',
      weekdays: 0b111_1111,
      enabled: true,
      source: 'command',
      createdBy: 'U1',
      workspaceId: 'T1',
    });
  });

  it('takes a time, a zone and days in any order', async () => {
    await ask('daily on mon-fri 17:30 America/New_York', inDiscord);
    expect(await store.getSubscription('discord', '1001')).toMatchObject({
      time: '17:30',
      timeZone: 'America/New_York',
      weekdays: 0b011_1110,
    });
    const status = text(await ask('/pattern daily', inDiscord));
    expect(status).toContain('Time: 17:30 (America/New_York), weekdays (Mon–Fri).');
    expect(status).toContain('Next post: Wed 2026-11-25 17:30 EST.');
  });

  it.each([
    ['daily on 7:05 utc weekends', { time: '07:05', timeZone: 'UTC', weekdays: 0b100_0001 }],
    [
      'DAILY ON 23:59 Asia/Kolkata mon,wed,fri',
      { time: '23:59', timeZone: 'Asia/Kolkata', weekdays: 0b010_1010 },
    ],
    ['daily on europe/berlin mon, wed', { time: '09:00', timeZone: 'Europe/Berlin', weekdays: 0b000_1010 }],
    ['daily on 00:00', { time: '00:00', timeZone: 'Europe/Berlin', weekdays: 0b111_1111 }],
  ])('reads %s', async (command, expected) => {
    expect(notice(await ask(command, inSlack)).tone).toBe('success');
    expect(await store.getSubscription('slack', 'C1')).toMatchObject(expected);
  });

  it('keeps the channel’s settings for what a new `daily on` leaves out', async () => {
    await ask('daily on 08:15 America/New_York weekdays', inSlack);
    await ask('daily off', inSlack);
    await ask('daily on 10:00', inSlack);
    expect(await store.getSubscription('slack', 'C1')).toMatchObject({
      time: '10:00',
      timeZone: 'America/New_York',
      weekdays: 0b011_1110,
      enabled: true,
    });
  });

  it('has no discussion thread unless asked, and takes `thread` in any place', async () => {
    expect(notice(await ask('daily on', inSlack)).lines).toContain('Discussion thread: off.');
    expect((await store.getSubscription('slack', 'C1'))?.thread).toBe(false);
    await ask('daily on weekdays THREAD 08:30', inDiscord);
    expect(await store.getSubscription('discord', '1001')).toMatchObject({
      time: '08:30',
      weekdays: 0b011_1110,
      thread: true,
    });
    expect(text(await ask('daily', inDiscord))).toContain('Discussion thread: on.');
  });

  it('keeps the thread setting when `daily on` leaves it out, and changing only it keeps the schedule', async () => {
    await ask('daily on thread', inSlack);
    const before = (await store.getSubscription('slack', 'C1'))?.activeSince;
    clock.advance(60 * 60_000);
    await ask('daily on', inSlack);
    expect((await store.getSubscription('slack', 'C1'))?.thread).toBe(true);
    await ask('daily on no-thread', inSlack);
    expect(await store.getSubscription('slack', 'C1')).toMatchObject({ thread: false, activeSince: before });
    await ask('daily on thread', inSlack);
    await ask('daily on nothread', inSlack);
    expect(await store.getSubscription('slack', 'C1')).toMatchObject({ thread: false, activeSince: before });
    expect(text(await ask('daily on 10:00', inSlack))).toContain('Discussion thread: off.');
  });

  it('turns the question of the day on and off, keeping it when left out', async () => {
    expect(text(await ask('daily on quiz', inSlack))).toContain('Question of the day: on');
    expect((await store.getSubscription('slack', 'C1'))?.quiz).toBe(true);
    await ask('daily on 10:00', inSlack);
    expect((await store.getSubscription('slack', 'C1'))?.quiz).toBe(true);
    expect(text(await ask('daily on no-quiz', inSlack))).not.toContain('Question of the day');
    expect((await store.getSubscription('slack', 'C1'))?.quiz).toBe(false);
  });

  it('turns off, and says so in the status', async () => {
    await ask('daily on', inSlack);
    expect(notice(await ask('daily off', inSlack)).tone).toBe('success');
    expect((await store.getSubscription('slack', 'C1'))?.enabled).toBe(false);
    expect(text(await ask('daily', inSlack))).toMatch(
      /off in this channel\nWhy: turned off with "daily off" by user U1/,
    );
    expect(text(await ask('daily off', inSlack))).toMatch(/already off/);
  });

  it('tells an unsubscribed channel how to subscribe', async () => {
    const status = text(await ask('daily', inSlack));
    expect(status).toContain('No daily pattern in this channel');
    expect(status).toContain('daily on');
  });
});

describe('refusals', () => {
  it.each([
    ['daily on 25:00', '“25:00” is not a 24-hour time'],
    ['daily on 9am', '“9am” is not a 24-hour time'],
    ['daily on 09:60', '“09:60” is not a 24-hour time'],
    ['daily on Mars/Olympus', '“Mars/Olympus” is not a time zone or days I know'],
    ['daily on 09:00 CEST+1', '“CEST+1” is not a time zone'],
    ['daily on 09:00 10:00', 'Two times given'],
    ['daily 09:00', '“daily 09:00”'],
    ['daily on thread no-thread', 'Both thread and no-thread given'],
    ['daily on quiz no-quiz', 'Both quiz and no-quiz given'],
    ['daily on diagram no-diagram', 'Both diagram and no-diagram given'],
    ['daily on constructor', '“constructor” is not a time zone or days I know'],
    ['daily on __proto__', '“__proto__” is not a time zone or days I know'],
  ])('%s → an error listing the accepted forms', async (command, problem) => {
    const answer = notice(await ask(command, inSlack));
    expect(answer.tone).toBe('error');
    expect(answer.lines.join('\n')).toContain(problem);
    expect(answer.lines.join('\n')).toContain('24-hour HH:MM');
    expect(answer.lines.join('\n')).toContain('Europe/Berlin, America/New_York');
    expect(answer.lines.join('\n')).toContain('thread starts a discussion thread');
    expect(await store.getSubscription('slack', 'C1')).toBeUndefined();
  });

  it('refuses someone who may not manage the channel, but shows them the status', async () => {
    const member = { ...inDiscord, canManageChannel: async () => false };
    const answer = notice(await ask('daily on', member));
    expect(answer.tone).toBe('error');
    expect(answer.lines[0]).toContain('Manage Channels');
    expect(await store.getSubscription('discord', '1001')).toBeUndefined();
    await ask('daily on', inDiscord);
    expect(notice(await ask('daily off', member)).tone).toBe('error');
    expect((await store.getSubscription('discord', '1001'))?.enabled).toBe(true);
    expect(notice(await ask('daily', member)).tone).toBe('info');
  });

  it('refuses a channel the bot cannot post in, with the fix', async () => {
    slack.refuse('C1', { ok: false, reason: 'not-in-channel' });
    const answer = notice(await ask('daily on', inSlack));
    expect(answer).toMatchObject({
      tone: 'error',
      lines: ['Invite me to this channel first: type /invite @pattern-bot here, then try again.'],
    });
    expect(await store.getSubscription('slack', 'C1')).toBeUndefined();
  });

  it('explains that the console has no channel', async () => {
    expect(text(await ask('daily on', { platform: 'console' }))).toContain('for channels');
  });
});

describe('everything else', () => {
  it('goes to the core', async () => {
    const card = await ask('saga', inSlack);
    expect(card.title).toBe('Saga Pattern');
  });

  it('answers `today` in the channel’s zone when it is subscribed, else in the default zone', async () => {
    clock.set('2026-11-25T23:30:00Z'); // the 26th in Berlin, still the 25th in New York
    await ask('daily on America/New_York', inSlack);
    const subscribed = await ask('today', inSlack);
    const other = await ask('today', { ...inSlack, channelId: 'C2' });
    expect(subscribed.eyebrow).toBe('Pattern of the day · 2026-11-25');
    expect(other.eyebrow).toBe(`Pattern of the day · ${localDate(clock.now(), 'Europe/Berlin')}`);
    expect(other.eyebrow).toBe('Pattern of the day · 2026-11-26');
  });
});

describe('parseDailyCommand', () => {
  it('leaves texts that are not daily commands alone', () => {
    expect(parseDailyCommand('saga')).toBeUndefined();
    expect(parseDailyCommand('dailyish')).toBeUndefined();
    expect(parseDailyCommand('today')).toBeUndefined();
  });

  it('reads the diagram words beside the thread words, and leaves the setting out when they are', () => {
    expect(parseDailyCommand('daily on diagram')).toEqual({ type: 'on', diagram: true });
    expect(parseDailyCommand('daily on 07:00 Diagram thread')).toEqual({
      type: 'on',
      time: '07:00',
      thread: true,
      diagram: true,
    });
    expect(parseDailyCommand('daily on no-diagram')).toEqual({ type: 'on', diagram: false });
    expect(parseDailyCommand('daily on nodiagram')).toEqual({ type: 'on', diagram: false });
  });

  it('reads the thread words, and leaves the setting out when they are', () => {
    expect(parseDailyCommand('daily on')).toEqual({ type: 'on' });
    expect(parseDailyCommand('daily on Thread 07:00')).toEqual({ type: 'on', time: '07:00', thread: true });
    expect(parseDailyCommand('daily on no-thread')).toEqual({ type: 'on', thread: false });
    expect(parseDailyCommand('daily on 08:00 quiz thread')).toEqual({
      type: 'on',
      time: '08:00',
      thread: true,
      quiz: true,
    });
    expect(parseDailyCommand('daily on NoQuiz')).toEqual({ type: 'on', quiz: false });
    expect(parseDailyCommand('daily on NoThread utc')).toEqual({
      type: 'on',
      timeZone: 'UTC',
      thread: false,
    });
    expect(parseDailyCommand('daily on thread thread')).toEqual({ type: 'on', thread: true });
  });
});
