import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createConversation } from '../../src/conversation/create-conversation.js';
import { tierOf } from '../../src/conversation/tier-of.js';
import { createUsageLog } from '../../src/conversation/usage-log.js';
import { cardToText } from '../../src/core/card/card-to-text.js';
import { missText } from '../../src/core/miss-text.js';
import { createSqliteStore } from '../../src/store/sqlite.js';
import type { Store } from '../../src/store/store.js';
import { captureLogger } from '../daily/fakes.js';
import { realBot } from '../helpers/catalog.js';

const bot = realBot();
const NOW = new Date('2026-12-04T12:00:00Z');
const SINCE = new Date('2026-12-01T00:00:00Z');

let dir: string;
let store: Store;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pattern-bot-usage-'));
  store = createSqliteStore(join(dir, 'bot.db'));
  await store.ready();
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

function setup(over: Partial<Pick<Store, 'recordMiss' | 'recordAsk'>> = {}) {
  const log = captureLogger();
  const usage = createUsageLog({
    store: {
      recordMiss: over.recordMiss ?? ((text, now) => store.recordMiss(text, now)),
      recordAsk: over.recordAsk ?? ((slug, now) => store.recordAsk(slug, now)),
      listMisses: (options) => store.listMisses(options),
      listAsked: (options) => store.listAsked(options),
    },
    logger: log.logger,
    clock: () => NOW,
  });
  const conversation = createConversation({
    bot,
    logger: log.logger,
    defaultTimeZone: 'UTC',
    clock: () => NOW,
    usage,
  });
  return { conversation, usage, lines: log.lines };
}

const ask = (conversation: ReturnType<typeof setup>['conversation'], text: string) =>
  conversation.ask({ text, platform: 'slack', channelId: 'C0123ABCD', userId: 'U0123ABCD' });
const misses = () => store.listMisses({ since: SINCE, limit: 10 });
const asked = () => store.listAsked({ since: SINCE, limit: 10 });

/** The tier the real catalog gives a text, so a change in the search shows here as what it is. */
const tier = (text: string) => tierOf(bot.answer(text));

describe('the usage log of the conversation', () => {
  it('records a question that found nothing, once per asking, even from the card cache', async () => {
    expect(tier('zanzibar pizza oven')).toBe('not-found');
    const { conversation, usage } = setup();
    await ask(conversation, 'Zanzibar   PIZZA oven?');
    await ask(conversation, 'zanzibar pizza oven?');
    await usage.settled();
    expect(await misses()).toEqual([
      { text: 'zanzibar pizza oven?', count: 2, firstSeen: NOW, lastSeen: NOW },
    ]);
    expect(await asked()).toEqual([]);
  });

  it('records a "did you mean" answer as a miss, and a confident card as an asked pattern', async () => {
    expect(tier('service')).toBe('did-you-mean');
    expect(tier('saga')).toBe('answer');
    const { conversation, usage } = setup();
    await ask(conversation, 'service');
    await ask(conversation, 'saga');
    await ask(conversation, 'compare cqrs event sourcing');
    await usage.settled();
    expect((await misses()).map((m) => m.text)).toEqual(['service']);
    expect((await asked()).map((a) => [a.slug, a.count])).toEqual([
      ['cqrs-pattern', 1],
      ['event-sourcing-pattern', 1],
      ['saga-pattern', 1],
    ]);
  });

  it('keeps no mention, link, e-mail or ID of the question, and nothing of chat without words', async () => {
    const { conversation, usage } = setup();
    await ask(
      conversation,
      '@alice #ops see https://example.com/x?u=1 mail bob@example.com U0123ABCD 123456789012345678 zanzibar',
    );
    await ask(conversation, '+1');
    await ask(conversation, 'thanks!');
    await ask(conversation, ':wave:');
    await usage.settled();
    expect((await misses()).map((m) => m.text)).toEqual(['see mail zanzibar']);
  });

  it('never holds up the answer, and a failing store reaches the log, not the person', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const { conversation, usage, lines } = setup({
      recordMiss: async () => {
        await gate;
        throw new Error('disk full');
      },
    });
    const card = await ask(conversation, 'zanzibar');
    expect(card).not.toBe(conversation.failureCard);
    expect(card.title).toContain('zanzibar');
    release();
    await usage.settled();
    expect(lines.filter((line) => line.msg === 'usage log: write failed')).toMatchObject([
      { level: 40, err: 'disk full' },
    ]);
  });
});

describe('missText', () => {
  it('folds, collapses white space, and caps at 200 without cutting a character in two', () => {
    expect(missText('  Ünïcödé\t\nSAGA  ')).toBe('unicode saga');
    expect(missText(`${'a'.repeat(199)}😀tail`)).toBe('a'.repeat(199));
    expect(missText('<@U0123ABCD> <#C0123ABCD|ops> <!here> @everyone')).toBe('');
  });
});

describe('stats in the conversation', () => {
  const asker = (allowed: boolean) => ({
    text: 'stats',
    platform: 'discord' as const,
    channelId: '300000000000000001',
    canManageChannel: async () => allowed,
  });

  it('reports the most asked patterns and misses to whoever may manage the channel, and nothing to others', async () => {
    const { conversation, usage } = setup();
    await ask(conversation, 'saga');
    await ask(conversation, 'zanzibar pizza oven');
    await usage.settled();
    const report = cardToText(await conversation.ask(asker(true)));
    expect(report).toContain('Saga Pattern · 1×');
    expect(report).toContain('“zanzibar pizza oven” · 1×');
    const refused = await conversation.ask(asker(false));
    expect(refused.private).toBe(true);
    expect(cardToText(refused)).toBe(
      'Only channel managers can see the stats\nAsk someone with the Manage Channels permission here.',
    );
    expect(conversation.isPrivate('  Stats ')).toBe(true);
    expect(conversation.isPrivate('saga')).toBe(false);
  });

  it('says there are no stats where no miss log is kept, and never logs "stats" itself', async () => {
    const log = captureLogger();
    const bare = createConversation({ bot, logger: log.logger, defaultTimeZone: 'UTC' });
    expect(cardToText(await bare.ask(asker(true)))).toContain('No stats here');
    const { conversation, usage } = setup();
    await conversation.ask(asker(true));
    await usage.settled();
    expect(await misses()).toEqual([]);
  });
});
