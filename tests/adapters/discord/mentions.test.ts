import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mentionOf, message } from '../../fakes/discord-payloads.js';
import {
  BOB,
  BOT_ROLE_ID,
  BOT_USER,
  CHANNEL_ID,
  DM_CHANNEL_ID,
  type RecordedRequest,
} from '../../fakes/fake-discord.js';
import { expectWithinDiscordLimits } from './expect-within-limits.js';
import { type Harness, startHarness } from './harness.js';

interface Posted {
  content?: string;
  embeds?: { title?: string }[];
  allowed_mentions?: unknown;
  message_reference?: { message_id: string };
}

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

const replyTo = (messageId: string) =>
  h.fake.waitForRequest(
    (r) => r.method === 'POST' && (r.body as Posted | undefined)?.message_reference?.message_id === messageId,
  );
const repliesTo = (messageId: string): RecordedRequest[] =>
  h.fake.requests.filter((r) => (r.body as Posted | undefined)?.message_reference?.message_id === messageId);

/** Sends the ignored message, then a real question, and checks only the question got a reply. */
async function expectIgnored(ignoredId: string): Promise<void> {
  const probe = message(h.fake, { content: `${mentionOf()} saga`, mentions: [BOT_USER] });
  await replyTo(probe);
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(repliesTo(ignoredId)).toEqual([]);
}

describe('mentions', () => {
  it('a direct mention is answered with a reply to that message, the mention stripped', async () => {
    const id = message(h.fake, { content: `${mentionOf()} what is cqrs?`, mentions: [BOT_USER] });
    const reply = await replyTo(id);
    expect(reply.path).toBe(`/api/v10/channels/${CHANNEL_ID}/messages`);
    const body = reply.body as Posted;
    expect(body.embeds?.[0]?.title).toBe('CQRS Pattern');
    expect(body.allowed_mentions).toEqual({ parse: [], replied_user: true });
    expectWithinDiscordLimits(body as Parameters<typeof expectWithinDiscordLimits>[0]);
  });

  it('the nickname mention form works too, and a bare mention gets help', async () => {
    const nick = message(h.fake, { content: `hey <@!${BOT_USER.id}> sidecar`, mentions: [BOT_USER] });
    expect(((await replyTo(nick)).body as Posted).embeds?.[0]?.title).toBe('Sidecar Pattern');
    const bare = message(h.fake, { content: mentionOf(), mentions: [BOT_USER] });
    expect(((await replyTo(bare)).body as Posted).embeds?.[0]?.title).toBe('How to use /pattern');
  });

  it('a DM is answered without a mention', async () => {
    const id = message(h.fake, { content: 'outbox', dm: true });
    const reply = await replyTo(id);
    expect(reply.path).toBe(`/api/v10/channels/${DM_CHANNEL_ID}/messages`);
    expect((reply.body as Posted).embeds?.[0]?.title).toBe('Outbox Pattern');
  });

  it('a remark in a channel ("thanks!") gets no reply; in a DM it does', async () => {
    await expectIgnored(message(h.fake, { content: `${mentionOf()} thanks!`, mentions: [BOT_USER] }));
    const dm = message(h.fake, { content: 'thanks!', dm: true });
    expect(((await replyTo(dm)).body as Posted).embeds?.[0]?.title).toContain('No pattern matches');
  });

  it('a reply to the bot is answered', async () => {
    const id = message(h.fake, { content: 'and event sourcing?', replyTo: BOT_USER });
    expect(((await replyTo(id)).body as Posted).embeds?.[0]?.title).toBe('Event Sourcing Pattern');
  });

  it('@everyone is not a question for the bot', async () => {
    await expectIgnored(message(h.fake, { content: '@everyone saga meeting at 3', mentionEveryone: true }));
  });

  it('@here is not a question for the bot', async () => {
    await expectIgnored(message(h.fake, { content: '@here saga?', mentionEveryone: true }));
  });

  it("a ping of the bot's role is not a question for the bot", async () => {
    await expectIgnored(message(h.fake, { content: `<@&${BOT_ROLE_ID}> saga`, mentionRoles: [BOT_ROLE_ID] }));
  });

  it('a message mentioning someone else, or a bot mentioning us, is ignored', async () => {
    await expectIgnored(message(h.fake, { content: `${mentionOf(BOB)} saga`, mentions: [BOB] }));
    await expectIgnored(
      message(h.fake, { content: `${mentionOf()} saga`, mentions: [BOT_USER], from: { ...BOB, bot: true } }),
    );
  });
});

describe('what a mention tells the conversation', () => {
  it('in a channel: place channel, and lazy callbacks (the owner may manage it, a member may not)', async () => {
    const byOwner = message(h.fake, { content: `${mentionOf()} saga`, mentions: [BOT_USER] });
    await replyTo(byOwner);
    expect(await h.asked.at(-1)?.canManageChannel?.()).toBe(true);
    // Not BOB: an earlier test sent him as a bot, and discord.js keeps that in its user cache.
    const carol = { ...BOB, id: '100000000000000003', username: 'carol', global_name: 'carol' };
    const id = message(h.fake, { content: `${mentionOf()} saga`, mentions: [BOT_USER], from: carol });
    await replyTo(id);
    const input = h.asked.at(-1);
    expect(input).toMatchObject({
      text: 'saga',
      platform: 'discord',
      channelId: CHANNEL_ID,
      userId: '100000000000000003',
      workspaceId: '200000000000000001',
      place: 'channel',
    });
    expect(typeof input?.canManageChannel).toBe('function');
    expect(await input?.canManageChannel?.()).toBe(false);
    expect(await input?.canPost?.()).toEqual({ ok: true });
  });

  it('in a DM: place dm, no workspace', async () => {
    const id = message(h.fake, { content: 'cqrs', dm: true });
    await replyTo(id);
    expect(h.asked.at(-1)).toMatchObject({ text: 'cqrs', channelId: DM_CHANNEL_ID, place: 'dm' });
    expect(h.asked.at(-1)?.workspaceId).toBeUndefined();
  });
});
