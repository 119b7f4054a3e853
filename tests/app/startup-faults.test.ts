import { describe, expect, it } from 'vitest';
import { startFakeSlack } from '../fakes/fake-slack.js';
import { runTs } from '../helpers/run.js';

/** `npm start` with a platform configured that cannot start: one line naming the cause, exit 1, promptly. */
describe('start all or nothing, with one line naming the cause', () => {
  const slack = {
    SLACK_BOT_TOKEN: 'xoxb-fault',
    SLACK_SIGNING_SECRET: 'secret',
    PORT: '0',
    HOST: '127.0.0.1',
  };
  /** What the process says to a person: stderr without the JSON log lines. */
  const said = (stderr: string) =>
    stderr.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('{'));

  it('an unreachable SLACK_API_URL ends start-up within seconds, naming it', async () => {
    const started = Date.now();
    const { code, stderr } = await runTs('src/main.ts', [], {
      env: { ...slack, SLACK_API_URL: 'http://127.0.0.1:9/api/', DATABASE_PATH: ':memory:' },
      timeoutMs: 28_000,
    });
    expect(code).toBe(1);
    expect(said(stderr)).toHaveLength(1);
    expect(stderr).toMatch(
      /SLACK_API_URL \(http:\/\/127\.0\.0\.1:9\/api\/\) (?:could not be reached|did not answer)/,
    );
    expect(Date.now() - started).toBeLessThan(25_000);
  }, 35_000);

  it('a HOST that is not an address of this machine is named', async () => {
    const fake = await startFakeSlack();
    try {
      const { code, stderr } = await runTs('src/main.ts', [], {
        env: { ...slack, HOST: '203.0.113.7', SLACK_API_URL: fake.apiUrl, DATABASE_PATH: ':memory:' },
      });
      expect(code).toBe(1);
      expect(said(stderr)).toEqual([
        'pattern-bot: HOST=203.0.113.7 is not an address of this machine: use 0.0.0.0, 127.0.0.1 or one of its own',
      ]);
    } finally {
      await fake.close();
    }
  }, 30_000);

  it('a bot token Slack rejects (invalid_auth) is named', async () => {
    const fake = await startFakeSlack();
    fake.failNext('auth.test', { error: 'invalid_auth' }, 10);
    try {
      const { code, stderr } = await runTs('src/main.ts', [], {
        env: { ...slack, SLACK_API_URL: fake.apiUrl, DATABASE_PATH: ':memory:' },
      });
      expect(code).toBe(1);
      expect(said(stderr)).toEqual([
        'pattern-bot: Slack refused SLACK_BOT_TOKEN (invalid_auth): copy the Bot User OAuth Token (xoxb-…) of the installed app into .env',
      ]);
    } finally {
      await fake.close();
    }
  }, 30_000);

  it('all or nothing: when Discord cannot start, Slack (already started) is stopped and the process exits 1', async () => {
    const fake = await startFakeSlack();
    try {
      const { code, stderr } = await runTs('src/main.ts', [], {
        env: {
          ...slack,
          SLACK_API_URL: fake.apiUrl,
          DATABASE_PATH: ':memory:',
          DISCORD_TOKEN: 'not-a-token',
          DISCORD_APPLICATION_ID: '100000000000000001',
          DISCORD_API_URL: 'http://127.0.0.1:9/api',
        },
        timeoutMs: 45_000,
      });
      expect(code).toBe(1);
      expect(said(stderr)).toEqual([
        'pattern-bot: discord could not reach its API (ECONNREFUSED): check DISCORD_API_URL and the network',
      ]);
    } finally {
      await fake.close();
    }
  }, 50_000);

  it.each(['javascript:alert(1)', 'ftp://example.com/api/'])(
    'SLACK_API_URL=%s is refused, naming it',
    async (value) => {
      const { code, stderr } = await runTs('src/main.ts', [], { env: { ...slack, SLACK_API_URL: value } });
      expect(code).toBe(1);
      expect(stderr).toContain('SLACK_API_URL');
      expect(stderr).toContain('http(s)');
    },
  );
});
