import { afterEach, describe, expect, it } from 'vitest';
import type { SlackService } from '../../src/adapters/slack/slack-app.js';
import { type App, createApp } from '../../src/app.js';
import { parseConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { buttonClick } from '../adapters/slack/harness.js';
import { FakeClock, tempDatabase } from '../daily/fakes.js';
import { type FakeSlack, slackSignature, startFakeSlack } from '../fakes/fake-slack.js';
import { realBot } from '../helpers/catalog.js';

const SECRET = 'review-test-secret';
const USER = 'U0LEARNER';

/** The whole app as main builds it, Slack in HTTP mode against the fake Slack, the review tick by hand. */
let app: App;
let fake: FakeSlack;
let db: ReturnType<typeof tempDatabase>;
const clock = new FakeClock(new Date('2026-12-06T12:00:00Z'));

afterEach(async () => {
  await app.stop();
  await fake.close();
  db.cleanup();
});

async function start(): Promise<void> {
  fake = await startFakeSlack();
  db = tempDatabase();
  const config = parseConfig({
    SLACK_BOT_TOKEN: 'xoxb-review-test',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: fake.apiUrl,
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_PATH: db.path,
  });
  app = createApp({
    config,
    bot: realBot(),
    logger: createLogger('silent'),
    clock: clock.now,
    slack: { retryConfig: { retries: 0 } },
    daily: { tickPattern: null },
    review: { tickPattern: null },
  });
  await app.start();
}

async function post(body: string, contentType = 'application/x-www-form-urlencoded') {
  const slack = app.services.find((s) => s.name === 'slack') as SlackService;
  const response = await fetch(`http://127.0.0.1:${slack.port()}/slack/events`, {
    method: 'POST',
    headers: { 'content-type': contentType, ...slackSignature(SECRET, body) },
    body,
  });
  expect(response.status).toBe(200);
  return response.text();
}

const command = (text: string) =>
  post(
    new URLSearchParams({
      team_id: 'T0TEST',
      channel_id: 'C0GENERAL',
      channel_name: 'general',
      user_id: USER,
      command: '/pattern',
      text,
      response_url: fake.responseUrl('command'),
      trigger_id: '1.2.3',
    }).toString(),
  );

/** A click on a button of the review DM, by the person it was sent to, in their DM with the app. */
async function click(action: string, id: string) {
  const payload = buttonClick(action, action, { ephemeral: false, responseUrl: fake.responseUrl(id) }) as {
    user: { id: string };
  };
  payload.user.id = USER;
  await post(new URLSearchParams({ payload: JSON.stringify(payload) }).toString());
}

const responses = (id: string) =>
  fake.responsePosts.filter((p) => p.id === id).map((p) => JSON.stringify(p.body));

async function waitFor(check: () => boolean): Promise<void> {
  const deadline = Date.now() + 3000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('spaced review on Slack, through the whole app', () => {
  it('turns on by command, sends the review as a DM to the user, counts a double click once, off deletes it', async () => {
    await start();
    expect(await command('review on weekdays at 09:00 America/New_York')).toContain('Spaced review is on');
    clock.set('2026-12-07T14:00:00Z');
    expect(await app.reviewScheduler?.tick()).toBe(1);

    const dms = fake.callsTo('chat.postMessage').filter((c) => c.args.channel === USER);
    expect(dms).toHaveLength(1);
    expect(String(dms[0]?.args.text)).toContain('3 patterns to review');
    const actions = ((dms[0]?.args.blocks ?? []) as { type: string; elements?: { action_id: string }[] }[])
      .filter((block) => block.type === 'actions')
      .map((block) => (block.elements ?? []).map((element) => element.action_id));
    expect(actions).toHaveLength(3);
    const knew = actions[0]?.[0] ?? '';

    await Promise.all([click(knew, 'one'), click(knew, 'two')]);
    await waitFor(() => responses('one').length + responses('two').length === 2);
    const answers = [...responses('one'), ...responses('two')];
    const name = realBot().patterns[0]?.name ?? '';
    expect(answers.filter((text) => text.includes(`${name}: Knew it`))).toHaveLength(1);
    expect(answers.filter((text) => text.includes('already answered'))).toHaveLength(1);

    const key = { platform: 'slack', workspaceId: 'T0TEST', userId: USER } as const;
    const store = app.daily?.store;
    expect((await store?.listReviewCards(key))?.filter((card) => card.answeredDate)).toHaveLength(1);
    expect(await command('review off')).toContain('deleted');
    expect(await store?.getReviewer(key)).toBeUndefined();
    expect(await store?.listReviewCards(key)).toEqual([]);
  });
});
