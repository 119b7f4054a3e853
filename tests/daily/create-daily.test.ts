import { afterEach, beforeEach, expect, it } from 'vitest';
import { ConfigError } from '../../src/config.js';
import { createDaily } from '../../src/daily/create-daily.js';
import { realBot } from '../helpers/catalog.js';
import { captureLogger, FakeClock, FakePoster, tempDatabase } from './fakes.js';

let db: ReturnType<typeof tempDatabase>;
beforeEach(() => {
  db = tempDatabase();
});
afterEach(() => db.cleanup());

it('wires the store, the daily commands and the scheduler from config', async () => {
  const clock = new FakeClock(new Date('2026-11-25T08:00:00Z'));
  const slack = new FakePoster('slack', clock.now);
  const daily = createDaily({
    config: { databasePath: db.path, dailyDefaultTimeZone: 'Europe/Berlin', dailyChannels: 'slack:C0123' },
    bot: realBot(),
    logger: captureLogger().logger,
    platforms: ['slack'],
    clock: clock.now,
  });
  const scheduler = daily.scheduler([slack]);
  try {
    await scheduler.start();
    await scheduler.idle();
    expect(slack.posts.map((p) => [p.channelId, p.date])).toEqual([['C0123', '2026-11-25']]);
    const status = await daily.commands.run({ type: 'status' }, { platform: 'slack', channelId: 'C0123' });
    expect(status).toMatchObject({
      outcome: 'status-on',
      schedule: { time: '09:00', timeZone: 'Europe/Berlin', fromConfig: true },
    });
    expect(daily.commands.timeZoneOf('slack', 'C0123')).toBe('Europe/Berlin');
    expect(daily.commands.timeZoneOf('slack', 'C999')).toBeUndefined();
  } finally {
    await scheduler.stop();
    daily.store.close();
  }
});

it('fails fast on a bad DAILY_CHANNELS', () => {
  const config = { databasePath: db.path, dailyDefaultTimeZone: 'UTC', dailyChannels: 'slack' };
  expect(() =>
    createDaily({ config, bot: realBot(), logger: captureLogger().logger, platforms: [] }),
  ).toThrow(ConfigError);
});
