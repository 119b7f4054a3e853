import { describe, expect, it } from 'vitest';
import { ConfigError, isTimeZone, parseConfig } from '../../src/config.js';

const problemsOf = (env: Record<string, string>) => {
  try {
    parseConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
};

describe('parseConfig', () => {
  it('defaults everything when nothing is set: no platform, console chat', () => {
    expect(parseConfig({})).toEqual({
      patternsFile: 'data/patterns.tsv',
      logLevel: 'info',
      port: 3000,
      host: '0.0.0.0',
      databasePath: 'data/bot.db',
      dailyDefaultTimeZone: 'UTC',
      dailySlackAdminsOnly: false,
      dailyPostsPerSecond: 20,
      missLog: true,
      missLogDays: 30,
      quizLeaderboard: true,
    });
  });

  it('turns the quiz leaderboard off with QUIZ_LEADERBOARD=off, and names a bad value', () => {
    expect(parseConfig({ QUIZ_LEADERBOARD: 'off' }).quizLeaderboard).toBe(false);
    expect(() => parseConfig({ QUIZ_LEADERBOARD: 'maybe' })).toThrow(/QUIZ_LEADERBOARD/);
  });

  it('paces daily posts at DAILY_POSTS_PER_SECOND (20 by default), and names a bad value', () => {
    expect(parseConfig({}).dailyPostsPerSecond).toBe(20);
    expect(parseConfig({ DAILY_POSTS_PER_SECOND: '5' }).dailyPostsPerSecond).toBe(5);
    for (const bad of ['0', '2.5', 'fast', '5000'])
      expect(problemsOf({ DAILY_POSTS_PER_SECOND: bad })[0]).toMatch(/^DAILY_POSTS_PER_SECOND: /);
  });

  it('reads the miss log settings, and names the variable of a bad one', () => {
    expect(parseConfig({ MISS_LOG: 'off', MISS_LOG_DAYS: '7' })).toMatchObject({
      missLog: false,
      missLogDays: 7,
    });
    expect(problemsOf({ MISS_LOG: 'no', MISS_LOG_DAYS: '0' }).map((p) => p.split(':')[0])).toEqual([
      'MISS_LOG',
      'MISS_LOG_DAYS',
    ]);
    expect(problemsOf({ MISS_LOG_DAYS: '30d' })[0]).toMatch(/^MISS_LOG_DAYS: must be a whole number of days/);
  });

  it('treats empty and blank values as unset', () => {
    expect(
      parseConfig({ SLACK_BOT_TOKEN: '', DISCORD_TOKEN: '  ', PORT: '', PATTERNS_FILE: '' }),
    ).toMatchObject({ port: 3000, patternsFile: 'data/patterns.tsv' });
    expect(parseConfig({ SLACK_BOT_TOKEN: '' }).slack).toBeUndefined();
  });

  it('turns Slack on in Socket Mode with a bot and an app token', () => {
    expect(parseConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' }).slack).toEqual({
      botToken: 'xoxb-1',
      appToken: 'xapp-1',
    });
  });

  it('turns Slack on in HTTP mode with a bot token and a signing secret', () => {
    expect(
      parseConfig({
        SLACK_BOT_TOKEN: 'xoxb-1',
        SLACK_SIGNING_SECRET: 's',
        SLACK_API_URL: 'http://127.0.0.1:9/api/',
      }).slack,
    ).toEqual({
      botToken: 'xoxb-1',
      signingSecret: 's',
      apiUrl: 'http://127.0.0.1:9/api/',
    });
  });

  it('names what a half-configured platform is missing', () => {
    expect(problemsOf({ SLACK_BOT_TOKEN: 'xoxb-1' })).toEqual([
      expect.stringContaining('Slack is half configured: SLACK_SIGNING_SECRET is missing'),
    ]);
    expect(problemsOf({ SLACK_SIGNING_SECRET: 's' })).toEqual([
      expect.stringContaining('Slack is half configured: SLACK_BOT_TOKEN is missing'),
    ]);
    expect(problemsOf({ DISCORD_TOKEN: 't' })).toEqual([
      'Discord is half configured: DISCORD_APPLICATION_ID is missing',
    ]);
    expect(problemsOf({ DISCORD_APPLICATION_ID: '123456789012345678' })).toEqual([
      'Discord is half configured: DISCORD_TOKEN is missing',
    ]);
  });

  it('names every bad variable at once', () => {
    const problems = problemsOf({
      PORT: 'eighty',
      LOG_LEVEL: 'loud',
      SLACK_BOT_TOKEN: 'xoxp-user',
      DISCORD_APPLICATION_ID: 'abc',
      DAILY_DEFAULT_TZ: 'Mars/Olympus',
      SLACK_API_URL: 'not a url',
    });
    const named = problems.map((p) => p.split(':')[0]).sort();
    expect(named).toEqual([
      'DAILY_DEFAULT_TZ',
      'DISCORD_APPLICATION_ID',
      'LOG_LEVEL',
      'PORT',
      'SLACK_API_URL',
      'SLACK_BOT_TOKEN',
    ]);
  });

  it('turns Discord on with a token and an application ID', () => {
    expect(
      parseConfig({
        DISCORD_TOKEN: 't',
        DISCORD_APPLICATION_ID: '123456789012345678',
        DISCORD_API_URL: 'http://127.0.0.1:9/api',
      }).discord,
    ).toEqual({
      token: 't',
      applicationId: '123456789012345678',
      apiUrl: 'http://127.0.0.1:9/api',
      gateway: true,
    });
  });

  it('DISCORD_GATEWAY=off keeps Discord for daily posts without the gateway; anything but on/off is named', () => {
    const discord = { DISCORD_TOKEN: 't', DISCORD_APPLICATION_ID: '123456789012345678' };
    expect(parseConfig({ ...discord, DISCORD_GATEWAY: 'off' }).discord?.gateway).toBe(false);
    expect(problemsOf({ ...discord, DISCORD_GATEWAY: 'no' })).toEqual([
      expect.stringMatching(/^DISCORD_GATEWAY: must be on or off/),
    ]);
  });
});

describe('isTimeZone', () => {
  it.each(['UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata'])('accepts %s', (zone) =>
    expect(isTimeZone(zone)).toBe(true),
  );
  it.each(['Mars/Olympus', 'GMT+25', ''])('rejects %j', (zone) => expect(isTimeZone(zone)).toBe(false));
  it('reads PUBLIC_URL as an https URL without its trailing slash, and refuses anything else', () => {
    expect(parseConfig({ PUBLIC_URL: 'https://patterns.example.com/' }).publicUrl).toBe(
      'https://patterns.example.com',
    );
    expect(parseConfig({ PUBLIC_URL: 'https://example.com/bot' }).publicUrl).toBe('https://example.com/bot');
    expect(parseConfig({ PUBLIC_URL: ' ' }).publicUrl).toBeUndefined();
    for (const bad of ['http://patterns.example.com', 'patterns.example.com', 'https://x.example/?a=1']) {
      expect(problemsOf({ PUBLIC_URL: bad }), bad).toEqual([
        expect.stringMatching(/^PUBLIC_URL: must be the https URL the bot is reached at/),
      ]);
    }
  });
});
