import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDiscordService, type DiscordService } from '../../src/adapters/discord/discord-client.js';
import { createConversation } from '../../src/conversation/create-conversation.js';
import { createLogger } from '../../src/logger.js';
import { createReview } from '../../src/review/create-review.js';
import type { ReviewScheduler } from '../../src/review/review-scheduler.js';
import { FakeClock, openTempStore } from '../daily/fakes.js';
import { button, dmButton, slashCommand } from '../fakes/discord-payloads.js';
import { ALICE, APPLICATION_ID, BOT_TOKEN, DM_CHANNEL_ID, FakeDiscord } from '../fakes/fake-discord.js';
import { realBot } from '../helpers/catalog.js';

/** Spaced review through the real discord.js client against the fake Discord: command, DM, buttons. */
let fake: FakeDiscord;
let service: DiscordService;
let scheduler: ReviewScheduler;
let opened: ReturnType<typeof openTempStore>;
const clock = new FakeClock(new Date('2026-12-06T12:00:00Z'));

beforeEach(async () => {
  clock.set('2026-12-06T12:00:00Z');
  opened = openTempStore();
  fake = await FakeDiscord.start();
  const logger = createLogger('silent');
  const review = createReview({ store: opened.store, bot: realBot(), logger, clock: clock.now });
  const conversation = createConversation({
    bot: realBot(),
    logger,
    clock: clock.now,
    defaultTimeZone: 'UTC',
    review: review.commands,
  });
  service = createDiscordService({
    config: { token: BOT_TOKEN, applicationId: APPLICATION_ID, apiUrl: fake.apiUrl },
    conversation,
    logger,
  });
  scheduler = review.scheduler([service.reviewSender]);
  await service.start();
});

afterEach(async () => {
  await service.stop();
  await fake.close();
  await opened.cleanup();
});

const ids = (sent: { id: string; token: string }) => [sent.id, sent.token] as const;

async function reply(sent: { id: string; token: string }) {
  const callback = await fake.callback(sent.id, sent.token);
  return JSON.stringify(callback.body);
}

describe('spaced review on Discord', () => {
  it('turns on with /pattern review on, sends the review by DM, counts a double click once, and off deletes it', async () => {
    const on = await fake.callback(...ids(slashCommand(fake, { query: 'review on 09:00 Europe/Berlin' })));
    expect(JSON.stringify(on.body)).toContain('Spaced review is on');
    expect((on.body as { data: { flags?: number } }).data.flags).toBe(64); // ephemeral: yours alone
    clock.set('2026-12-07T08:00:00Z');
    expect(await scheduler.tick()).toBe(1);

    const opens = fake.requests.filter(
      (r) => r.method === 'POST' && r.path === '/api/v10/users/@me/channels',
    );
    expect(opens.map((r) => r.body)).toEqual([{ recipient_id: ALICE.id }]);
    const dm = fake.requests.find(
      (r) => r.method === 'POST' && r.path === `/api/v10/channels/${DM_CHANNEL_ID}/messages`,
    );
    const body = dm?.body as {
      embeds: { title?: string }[];
      components: { components: { custom_id: string; label: string }[] }[];
    };
    expect(body.embeds[0]?.title).toBe('3 patterns to review');
    const row = body.components.flatMap((r) => r.components);
    const name = realBot().patterns[0]?.name;
    expect(row).toHaveLength(9);
    expect(row.slice(0, 3).map((b) => b.label)).toEqual([
      `${name}: Knew it`,
      `${name}: Not yet`,
      `${name}: Skip`,
    ]);

    const knew = row[0]?.custom_id ?? '';
    const first = reply(button(fake, knew));
    const second = reply(button(fake, knew));
    const answers = await Promise.all([first, second]);
    expect(answers.filter((text) => text.includes(': Knew it'))).toHaveLength(1);
    expect(answers.filter((text) => text.includes('already answered'))).toHaveLength(1);

    // In the DM itself (no guild): the same person's review, the next pattern's button.
    expect(await reply(dmButton(fake, row[3]?.custom_id ?? ''))).toContain(': Knew it');

    const key = { platform: 'discord', workspaceId: '', userId: ALICE.id } as const;
    expect((await opened.store.listReviewCards(key)).filter((card) => card.answeredDate)).toHaveLength(2);
    expect(await opened.store.listReviewCards(key)).toHaveLength(3);
    expect(await reply(slashCommand(fake, { query: 'review off' }))).toContain('deleted');
    expect(await opened.store.getReviewer(key)).toBeUndefined();
    expect(await opened.store.listReviewCards(key)).toEqual([]);
  });
});
