import { afterEach, describe, expect, it } from 'vitest';
import { createDiscordService } from '../../../src/adapters/discord/discord-client.js';
import type { Conversation } from '../../../src/conversation/types.js';
import type { Bot } from '../../../src/core/bot.js';
import { problemCard } from '../../../src/core/card/problem-card.js';
import { createLogger } from '../../../src/logger.js';
import { autocomplete, button, mentionOf, message, slashCommand } from '../../fakes/discord-payloads.js';
import { APPLICATION_ID, BOT_TOKEN, BOT_USER, CHANNEL_ID, FakeDiscord } from '../../fakes/fake-discord.js';
import { realBot } from '../../helpers/catalog.js';
import { type Harness, realConversation, slowed, startHarness } from './harness.js';

interface Body {
  type?: number;
  data?: { flags?: number; embeds?: { title?: string; description?: string }[] };
  embeds?: { title?: string; description?: string }[];
  message_reference?: { message_id: string };
}

const SECRET = 'SQLITE_CANTOPEN /var/secret/bot.db';
const FAILURE_TITLE = problemCard('failure').title;
/** The real core, except that it throws (with a secret in the message) on "boom". */
const failing: Bot = {
  ...realBot(),
  answerIntent(intent, text, context) {
    if (text.includes('boom')) throw new Error(SECRET);
    return realBot().answerIntent(intent, text, context);
  },
};
const slow = (conversation: Conversation) => slowed(conversation, 150);

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

function expectNoSecrets(harness: Harness, tokens: readonly string[] = []): void {
  const all = harness.rawLogs.join('');
  expect(all).not.toContain(BOT_TOKEN);
  for (const token of tokens) expect(all).not.toContain(token);
}

describe('an answer that takes too long', () => {
  it('is deferred (type 5) and the reply edited in', async () => {
    h = await startHarness({ wrap: slow, deferAfterMs: 30 });
    const i = slashCommand(h.fake, { query: 'saga' });
    const callback = (await h.fake.callback(i.id, i.token)).body as Body;
    expect(callback).toEqual({ type: 5, data: { flags: 0 } });
    const edit = await h.fake.waitForRequest(
      (r) =>
        r.method === 'PATCH' &&
        r.path === `/api/v10/webhooks/${APPLICATION_ID}/${i.token}/messages/@original`,
    );
    expect((edit.body as Body).embeds?.[0]?.title).toBe('Saga Pattern');
  });

  it('stays ephemeral when deferred privately', async () => {
    h = await startHarness({ wrap: slow, deferAfterMs: 30 });
    const i = slashCommand(h.fake, { query: 'saga', private: true });
    expect((await h.fake.callback(i.id, i.token)).body).toEqual({ type: 5, data: { flags: 64 } });
  });
});

describe('a failure inside the bot', () => {
  it('gets the fixed friendly message, ephemeral, never the error text; the log has the context', async () => {
    h = await startHarness({ bot: failing });
    const i = slashCommand(h.fake, { query: 'boom' });
    const callback = (await h.fake.callback(i.id, i.token)).body as Body;
    expect(callback.type).toBe(4);
    expect(callback.data?.flags).toBe(64);
    expect(callback.data?.embeds?.[0]?.title).toBe(FAILURE_TITLE);
    expect(JSON.stringify(callback)).not.toContain('SQLITE');
    const logged = h.logs.find((line) => line.msg === 'answering failed');
    expect(logged).toMatchObject({ level: 50, platform: 'discord', layer: 'conversation' });
    expectNoSecrets(h, [i.token]);
  });

  it('in a mention, gets the fixed message as a reply', async () => {
    h = await startHarness({ bot: failing });
    const id = message(h.fake, { content: `${mentionOf()} boom`, mentions: [BOT_USER] });
    const reply = await h.fake.waitForRequest(
      (r) => (r.body as Body | undefined)?.message_reference?.message_id === id,
    );
    expect((reply.body as Body).embeds?.[0]?.title).toBe('Sorry, something went wrong on my side');
    expect(JSON.stringify(reply.body)).not.toContain('SQLITE');
    expect(h.logs.find((line) => line.msg === 'answering failed')).toMatchObject({ platform: 'discord' });
  });
});

describe('a conversation that breaks its promise never to throw', () => {
  it('is caught at the listener: logged, the user answered, the next interaction served', async () => {
    h = await startHarness({
      wrap: (conversation) => ({
        ...conversation,
        complete: (typed) => {
          if (typed === 'boom') throw new Error(SECRET);
          return conversation.complete(typed);
        },
        act: async () => {
          throw new Error(SECRET);
        },
      }),
    });
    const i = autocomplete(h.fake, 'boom');
    expect((await h.fake.callback(i.id, i.token)).body).toEqual({ type: 8, data: { choices: [] } });
    const b = button(h.fake, 'p1:["o","saga-pattern"]');
    const clicked = (await h.fake.callback(b.id, b.token)).body as Body;
    expect(clicked.data?.flags).toBe(64);
    expect(clicked.data?.embeds?.[0]?.title).toBe(FAILURE_TITLE);
    expect(h.logs.filter((l) => l.msg === 'interaction failed')).toHaveLength(2);
    const next = autocomplete(h.fake, 'saga');
    expect(((await h.fake.callback(next.id, next.token)).body as Body).type).toBe(8);
  });
});

describe('REST errors', () => {
  it('a 500 on the callback (after discord.js retries) is logged, and the bot keeps answering', async () => {
    h = await startHarness();
    const i = slashCommand(h.fake, { query: 'saga' });
    h.fake.fault(
      (r) => r.path.includes(`/interactions/${i.id}/`),
      { status: 500, body: { message: 'oops' } },
      100,
    );
    await expect
      .poll(() => h?.logs.find((l) => l.msg === 'could not send the failure reply'), { timeout: 5000 })
      .toBeTruthy();
    expect(h.logs.find((l) => l.msg === 'interaction failed')).toMatchObject({
      interactionId: i.id,
      err: { status: 500 },
    });
    const next = autocomplete(h.fake, 'cqrs');
    expect(((await h.fake.callback(next.id, next.token)).body as Body).type).toBe(8);
    expect(h.service.health().ok).toBe(true);
    expectNoSecrets(h, [i.token]);
  });

  it('a 429 on the callback is waited out by discord.js queue and logged', async () => {
    h = await startHarness();
    const i = slashCommand(h.fake, { query: 'outbox' });
    h.fake.fault(
      (r) => r.path.includes(`/interactions/${i.id}/`),
      {
        status: 429,
        body: { message: 'You are being rate limited.', retry_after: 0.05, global: false },
        headers: { 'retry-after': '0.05', 'x-ratelimit-scope': 'user' },
      },
      1,
    );
    const path = `/api/v10/interactions/${i.id}/${i.token}/callback`;
    const calls = () => h?.fake.requests.filter((r) => r.path === path) ?? [];
    await expect.poll(() => calls().length, { timeout: 5000 }).toBe(2);
    expect((calls()[1]?.body as Body | undefined)?.data?.embeds?.[0]?.title).toBe('Outbox Pattern');
    expect(h.logs.find((l) => l.msg === 'rate limited')).toMatchObject({ method: 'POST' });
    expect(h.logs.find((l) => l.msg === 'interaction failed')).toBeUndefined();
  });
});

describe('a channel that refuses the bot (403)', () => {
  it('gets no second, failure message after a 403 on the reply to a mention', async () => {
    h = await startHarness();
    const posts = () =>
      h?.fake.requests.filter(
        (r) => r.method === 'POST' && r.path === `/api/v10/channels/${CHANNEL_ID}/messages`,
      ) ?? [];
    h.fake.fault(
      (r) => r.method === 'POST' && r.path === `/api/v10/channels/${CHANNEL_ID}/messages`,
      { status: 403, body: { message: 'Missing Permissions', code: 50013 } },
      10,
    );
    const id = message(h.fake, { content: `${mentionOf()} saga`, mentions: [BOT_USER] });
    await expect.poll(() => h?.logs.find((l) => l.msg === 'mention failed'), { timeout: 5000 }).toBeTruthy();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(posts()).toHaveLength(1);
    expect((posts()[0]?.body as Body | undefined)?.message_reference?.message_id).toBe(id);
    expect(h.logs.find((l) => l.msg === 'mention failed')).toMatchObject({
      err: { status: 403, code: 50013 },
    });
  });

  it('gets no failure follow-up after a 403 on an interaction reply', async () => {
    h = await startHarness();
    const i = slashCommand(h.fake, { query: 'saga' });
    h.fake.fault((r) => r.path.includes(`/interactions/${i.id}/`), {
      status: 403,
      body: { message: 'Missing Access', code: 50001 },
    });
    await expect
      .poll(() => h?.logs.find((l) => l.msg === 'interaction failed'), { timeout: 5000 })
      .toBeTruthy();
    await new Promise((resolve) => setTimeout(resolve, 200));
    const tries = h.fake.requests.filter(
      (r) => r.path.includes(i.token) || r.path.includes(`/interactions/${i.id}/`),
    );
    expect(tries).toHaveLength(1);
  });
});

describe('a token Discord rejects', () => {
  it('fails start with discord.js TokenInvalid, without the token in the error', async () => {
    const fake = await FakeDiscord.start();
    fake.fault((r) => r.path === '/api/v10/gateway/bot', {
      status: 401,
      body: { message: '401: Unauthorized', code: 0 },
    });
    const service = createDiscordService({
      config: { token: BOT_TOKEN, applicationId: APPLICATION_ID, apiUrl: fake.apiUrl },
      conversation: realConversation(),
      logger: createLogger('silent'),
    });
    try {
      const failure = await service.start().then(
        () => undefined,
        (error: unknown) => error as Error,
      );
      expect(failure?.name).toMatch(/TokenInvalid/);
      expect(failure?.message).toContain('DISCORD_TOKEN');
      expect(String(failure?.message)).not.toContain(BOT_TOKEN);
      expect(service.health().ok).toBe(false);
    } finally {
      await service.stop();
      await fake.close();
    }
  });
});

describe('health', () => {
  it('says stopped after stop', async () => {
    h = await startHarness();
    await h.service.stop();
    expect(h.service.health()).toEqual({ ok: false, state: 'stopped' });
  });
});
