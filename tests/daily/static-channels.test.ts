import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config.js';
import { parseDailyChannels, syncStaticChannels } from '../../src/daily/static-channels.js';
import type { DailyStore } from '../../src/daily/store.js';
import { EVERY_DAY } from '../../src/daily/subscription.js';
import { openTempStore } from './fakes.js';

describe('parseDailyChannels', () => {
  it('reads platform:channel pairs, ignoring blanks and spaces', () => {
    expect(parseDailyChannels(' slack:C0123 , discord:1122334455,,Slack:G0456 ')).toEqual([
      { platform: 'slack', channelId: 'C0123' },
      { platform: 'discord', channelId: '1122334455' },
      { platform: 'slack', channelId: 'G0456' },
    ]);
    expect(parseDailyChannels(undefined)).toEqual([]);
  });

  it.each([
    ['C0123', 'DAILY_CHANNELS entry 1 "C0123": must be platform:channel-id'],
    ['teams:C0123', 'DAILY_CHANNELS entry 1 "teams:C0123": the platform must be slack or discord'],
    ['slack:#general', 'not a slack channel ID; write it as slack:C0123ABCD'],
    ['discord:general', 'not a discord channel ID; write it as discord:1122334455'],
    ['slack:C0123,slack:C0123', 'DAILY_CHANNELS entry 2 "slack:C0123": listed twice'],
  ])('rejects %s, naming the variable', (raw, message) => {
    expect(() => parseDailyChannels(raw)).toThrow(ConfigError);
    expect(() => parseDailyChannels(raw)).toThrow(message);
  });

  it('reports every bad entry at once', () => {
    try {
      parseDailyChannels('x, slack:C0001, y');
      expect.unreachable();
    } catch (error) {
      expect((error as ConfigError).problems).toHaveLength(2);
    }
  });
});

describe('syncStaticChannels', () => {
  let temp: ReturnType<typeof openTempStore>;
  let store: DailyStore;
  beforeEach(() => {
    temp = openTempStore();
    store = temp.store;
  });
  afterEach(() => temp.cleanup());
  const defaults = { time: '09:00', timeZone: 'Europe/Berlin', now: new Date('2026-11-25T06:00:00Z') };

  it('adds missing channels, keeps what people set, and drops channels no longer configured', async () => {
    await store.upsertSubscription(
      {
        platform: 'slack',
        channelId: 'C0002',
        time: '11:00',
        timeZone: 'UTC',
        weekdays: EVERY_DAY,
        thread: true,
        diagram: true,
        source: 'command',
      },
      defaults.now,
    );
    expect(
      await syncStaticChannels(store, parseDailyChannels('slack:C0001,slack:C0002,discord:3'), defaults),
    ).toEqual({
      added: 2,
      removed: 0,
    });
    expect(await store.getSubscription('slack', 'C0002')).toMatchObject({
      time: '11:00',
      thread: true,
      source: 'command',
    });
    expect(await store.getSubscription('slack', 'C0001')).toMatchObject({
      time: '09:00',
      timeZone: 'Europe/Berlin',
      thread: false,
      source: 'config',
    });
    expect(await syncStaticChannels(store, parseDailyChannels('slack:C0002'), defaults)).toEqual({
      added: 0,
      removed: 2,
    });
    expect((await store.listSubscriptions()).map((s) => s.channelId)).toEqual(['C0002']);
  });
});
