import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { slackSignature } from '../../fakes/fake-slack.js';
import { type Harness, SIGNING_SECRET, startHarness } from './harness.js';

const FORM = 'application/x-www-form-urlencoded';
const JSON_TYPE = 'application/json';

let h: Harness;
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  process.on('uncaughtException', onUnhandled);
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
  process.off('unhandledRejection', onUnhandled);
  process.off('uncaughtException', onUnhandled);
});
beforeEach(() => {
  h.fake.reset();
  h.logs.length = 0;
  unhandled.length = 0;
});

const envelope = (event: unknown, extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    token: 'legacy',
    team_id: 'T0TEST',
    api_app_id: 'A0APP',
    type: 'event_callback',
    event_id: `Ev-${Math.random().toString(36).slice(2)}`,
    event_time: 1_700_000_000,
    authorizations: [{ team_id: 'T0TEST', user_id: 'UBOT000', is_bot: true }],
    event,
    ...extra,
  });

describe('signed but malformed requests', () => {
  const cases: [string, string, string][] = [
    ['payload=null', 'payload=null', FORM],
    ['payload=42', 'payload=42', FORM],
    ['payload that is not JSON', 'payload=%7Bnope', FORM],
    ['a JSON body null', 'null', JSON_TYPE],
    ['a JSON body that is a number', '42', JSON_TYPE],
    ['a JSON array', '[1,2]', JSON_TYPE],
    ['a JSON body that is not JSON', '{"type":', JSON_TYPE],
    ['"event": null', envelope(null), JSON_TYPE],
    ['"event": a string', envelope('app_mention'), JSON_TYPE],
    ['an event with a numeric type', envelope({ type: 42 }), JSON_TYPE],
    [
      'a mention with numbers for strings',
      envelope({ type: 'app_mention', user: 7, text: 9, ts: 1, channel: 2 }),
      JSON_TYPE,
    ],
    [
      'a mention with no user',
      envelope({ type: 'app_mention', text: 'saga', ts: '1.2', channel: 'C1' }),
      JSON_TYPE,
    ],
    [
      'a DM with no user and no text',
      envelope({ type: 'message', channel_type: 'im', channel: 'D1', ts: '1.2' }),
      JSON_TYPE,
    ],
    [
      'a DM with an object for text',
      envelope({ type: 'message', channel_type: 'im', channel: 'D1', ts: '1.2', user: 'U1', text: { a: 1 } }),
      JSON_TYPE,
    ],
    ['a Home open with no user', envelope({ type: 'app_home_opened', tab: 'home' }), JSON_TYPE],
    [
      'an event_callback with no event_id',
      JSON.stringify({
        type: 'event_callback',
        event: { type: 'app_mention', text: 'x', channel: 'C1', ts: '1.1', user: 'U1' },
      }),
      JSON_TYPE,
    ],
    [
      'block_actions with actions null',
      `payload=${encodeURIComponent(JSON.stringify({ type: 'block_actions', actions: null, user: { id: 'U1' } }))}`,
      FORM,
    ],
    [
      'block_actions with no user',
      `payload=${encodeURIComponent(JSON.stringify({ type: 'block_actions', actions: [{ type: 'button', action_id: 'p1:["o","saga-pattern"]', value: 'p1:["o","saga-pattern"]' }] }))}`,
      FORM,
    ],
    [
      'block_actions with a numeric value',
      `payload=${encodeURIComponent(JSON.stringify({ type: 'block_actions', user: { id: 'U1' }, actions: [{ type: 'button', action_id: 'share_card', value: 5 }] }))}`,
      FORM,
    ],
    ['a slash command with no text or user', 'command=%2Fpattern&channel_id=C1', FORM],
    [
      'a slash command for another command',
      'command=%2Fother&text=x&user_id=U1&channel_id=C1&response_url=http%3A%2F%2F127.0.0.1%3A1%2Fx',
      FORM,
    ],
    ['an unknown top-level type', JSON.stringify({ type: 'mystery', x: 1 }), JSON_TYPE],
    ['an empty object', '{}', JSON_TYPE],
    ['an empty form', '', FORM],
  ];

  it.each(cases)(
    '%s: a 4xx or a harmless 200, quickly, a debug line, and the process keeps serving',
    async (_name, body, type) => {
      const started = Date.now();
      const res = await h.post(body, type);
      expect(Date.now() - started).toBeLessThan(2500);
      expect(res.status).toBeLessThan(500);
      expect([200, 400, 404, 415]).toContain(res.status);
      await new Promise((resolve) => setTimeout(resolve, 30));
      expect(unhandled).toEqual([]);
      expect(h.logs.filter((line) => Number(line.level) >= 50)).toEqual([]);
      expect((await fetch(`${h.base}/healthz`)).status).toBe(200);
    },
  );
});

describe('request timestamps', () => {
  const body = envelope({ type: 'app_mention', user: 'U1', text: 'saga', ts: '1.1', channel: 'C1' });
  const now = () => Math.floor(Date.now() / 1000);

  it('refuses a correctly signed request from more than 5 minutes in the future with 401', async () => {
    const future = now() + 6 * 60;
    const res = await h.post(body, JSON_TYPE, slackSignature(SIGNING_SECRET, body, future));
    expect(res.status).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(h.fake.calls).toEqual([]);
  });

  it('accepts a little clock skew ahead (under a minute)', async () => {
    const res = await h.post(body, JSON_TYPE, slackSignature(SIGNING_SECRET, body, now() + 30));
    expect(res.status).toBe(200);
  });

  it.each(['abc', '', '1e99', '-1'])('refuses a timestamp header of %j with 401', async (ts) => {
    const res = await h.post(body, JSON_TYPE, {
      ...slackSignature(SIGNING_SECRET, body),
      'x-slack-request-timestamp': ts,
    });
    expect(res.status).toBe(401);
  });

  it('still refuses a forged signature with 401, even with a malformed body', async () => {
    const res = await h.post('null', JSON_TYPE, slackSignature('wrong-secret', 'null'));
    expect(res.status).toBe(401);
  });
});

describe('ssl_check', () => {
  it('is answered 200 unsigned, and a payload smuggled with it never reaches a listener', async () => {
    const smuggled = JSON.stringify({
      type: 'event_callback',
      event_id: 'Ev-smuggled',
      team_id: 'T0TEST',
      event: { type: 'app_mention', user: 'U1', text: 'saga', ts: '1.1', channel: 'C1' },
    });
    const body = new URLSearchParams({ ssl_check: '1', payload: smuggled, token: 'x' }).toString();
    const res = await fetch(`${h.base}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': FORM },
      body,
    });
    expect(res.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(h.fake.calls).toEqual([]);
  });
});

describe('app_rate_limited', () => {
  it('is acked at once and logged', async () => {
    const started = Date.now();
    const res = await h.post(
      JSON.stringify({
        token: 'legacy',
        type: 'app_rate_limited',
        team_id: 'T0TEST',
        minute_rate_limited: 1_518_467_820,
        api_app_id: 'A0APP',
      }),
      JSON_TYPE,
    );
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(h.logs).toContainEqual(
      expect.objectContaining({
        msg: 'slack rate-limited our events',
        teamId: 'T0TEST',
        minuteRateLimited: 1_518_467_820,
      }),
    );
  });
});
