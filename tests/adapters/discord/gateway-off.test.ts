import { expect, it } from 'vitest';
import { createDiscordService } from '../../../src/adapters/discord/discord-client.js';
import { createConversation } from '../../../src/conversation/create-conversation.js';
import { answerToCard } from '../../../src/core/card/answer-to-card.js';
import { createLogger } from '../../../src/logger.js';
import { APPLICATION_ID, BOT_TOKEN, CHANNEL_ID, FakeDiscord } from '../../fakes/fake-discord.js';
import { realBot } from '../../helpers/catalog.js';

it('DISCORD_GATEWAY=off: no gateway connection, and the daily post still goes out over REST', async () => {
  const fake = await FakeDiscord.start();
  const bot = realBot();
  const logger = createLogger('silent');
  const service = createDiscordService({
    config: { token: BOT_TOKEN, applicationId: APPLICATION_ID, apiUrl: fake.apiUrl, gateway: false },
    conversation: createConversation({ bot, logger, defaultTimeZone: 'UTC' }),
    logger,
  });
  try {
    await service.start();
    expect(service.health()).toEqual({ ok: true, state: 'rest-only' });
    const card = answerToCard(bot.todayAnswer('2026-11-25'));
    const { messageId } = await service.poster.post(CHANNEL_ID, card, {
      idempotencyKey: 'discord:300000000000000001:2026-11-25',
      maybeSentBefore: false,
    });
    expect(messageId).toMatch(/^\d+$/);
    const posts = fake.requests.filter(
      (r) => r.method === 'POST' && r.path.endsWith(`/channels/${CHANNEL_ID}/messages`),
    );
    expect(posts).toHaveLength(1);
    expect(posts[0]?.headers.authorization).toBe(`Bot ${BOT_TOKEN}`);
    expect(fake.identifies).toEqual([]);
  } finally {
    await service.stop();
    await fake.close();
  }
});
