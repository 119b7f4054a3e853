import { describe, expect, it } from 'vitest';
import { createConversation, type DailyCommands } from '../../src/conversation/create-conversation.js';
import type { AskInput } from '../../src/conversation/types.js';
import type { Bot } from '../../src/core/bot.js';
import { encodeAction } from '../../src/core/card/action.js';
import { cardToText } from '../../src/core/card/card-to-text.js';
import { problemCard } from '../../src/core/card/problem-card.js';
import { captureLogger } from '../daily/fakes.js';
import { realBot } from '../helpers/catalog.js';

const bot = realBot();

function setup(options: { daily?: DailyCommands; bot?: Bot; cacheSize?: number } = {}) {
  const log = captureLogger();
  const conversation = createConversation({
    bot: options.bot ?? bot,
    logger: log.logger,
    defaultTimeZone: 'UTC',
    clock: () => new Date('2026-12-04T12:00:00Z'),
    ...(options.daily ? { daily: options.daily } : {}),
    ...(options.cacheSize !== undefined ? { cacheSize: options.cacheSize } : {}),
  });
  return { conversation, lines: log.lines };
}

/** A daily engine that records what reached it. */
function recordingDaily(delayMs = 0) {
  const runs: string[] = [];
  const daily: DailyCommands = {
    async run(command) {
      runs.push(command.type);
      if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
      return { kind: 'daily', outcome: 'already-off' };
    },
    timeZoneOf: async () => undefined,
  };
  return { daily, runs };
}

/** Context callbacks that count their calls. */
function counted(allowed: boolean) {
  const calls = { manage: 0, post: 0 };
  const where: Omit<AskInput, 'text'> = {
    platform: 'slack',
    channelId: 'C1',
    userId: 'U1',
    canManageChannel: async () => {
      calls.manage++;
      return allowed;
    },
    canPost: async () => {
      calls.post++;
      return { ok: true };
    },
  };
  return { calls, where };
}

describe('ask', () => {
  it('makes no platform call for a plain lookup: the context callbacks are lazy', async () => {
    const { conversation } = setup({ daily: recordingDaily().daily });
    const { calls, where } = counted(true);
    for (const text of ['saga', 'today', 'list', 'compare cqrs event sourcing', 'daily']) {
      await conversation.ask({ text, ...where });
    }
    expect(calls).toEqual({ manage: 0, post: 0 });
  });

  it('one permission check for every form of a change: daily start / enable / subscribe / pattern daily on / stop', async () => {
    const { daily, runs } = recordingDaily();
    const { conversation } = setup({ daily });
    const { calls, where } = counted(false);
    const changes = [
      'daily on',
      'daily start',
      'daily enable',
      'daily subscribe',
      'pattern daily on',
      '/pattern daily on 10:00',
      'DAILY ON',
      'daily off',
      'daily stop',
      'daily unsubscribe',
      'daily disable',
    ];
    for (const text of changes) {
      const card = await conversation.ask({ text, ...where });
      expect(card.title, text).toBe('You can’t change the daily pattern here');
    }
    expect(runs).toEqual([]);
    expect(calls.manage).toBe(changes.length);
    await conversation.ask({ text: 'daily', ...where });
    expect(runs).toEqual(['status']);
  });

  it('answers daily in a DM or group DM with where it works, without touching the subscription store', async () => {
    const { daily, runs } = recordingDaily();
    const { conversation } = setup({ daily });
    for (const place of ['dm', 'group'] as const) {
      const card = await conversation.ask({ text: 'daily on', platform: 'slack', channelId: 'D1', place });
      expect(card.title).toBe('The daily pattern is for channels');
    }
    expect(runs).toEqual([]);
  });

  it('caps the text before any work: the daily parser and the cache see 200 characters', async () => {
    const { daily } = recordingDaily();
    const { conversation } = setup({ daily });
    const flood = `daily on ${'x '.repeat(200_000)}`;
    const card = await conversation.ask({ text: flood, platform: 'slack', channelId: 'C1' });
    expect(card.title).toBe('I couldn’t read that daily schedule');
    // One problem per token of the capped text: about 95, not 200,000.
    expect(card.blocks.length).toBeLessThan(110);
    const a = await conversation.ask({ text: `saga ${'y'.repeat(1_000_000)}`, platform: 'console' });
    const b = await conversation.ask({ text: `saga ${'y'.repeat(1_000_000)}z`, platform: 'console' });
    expect(b).toBe(a); // the same cached card: the key is the capped text
  });

  it('remembers the card of a repeatable answer under the normalised text, and not a random pick', async () => {
    const { conversation } = setup();
    const first = await conversation.ask({ text: 'saga', platform: 'console' });
    expect(await conversation.ask({ text: '  saga  ', platform: 'slack' })).toBe(first);
    expect(await conversation.ask({ text: 'random', platform: 'console' })).not.toBe(
      await conversation.ask({ text: 'random', platform: 'console' }),
    );
    const uncached = setup({ cacheSize: 0 }).conversation;
    expect(await uncached.ask({ text: 'saga', platform: 'console' })).not.toBe(
      await uncached.ask({ text: 'saga', platform: 'console' }),
    );
  });

  it('a failure gives the fixed failure card and one log line with the capped text, never the error to the user', async () => {
    const broken: Bot = {
      ...bot,
      answerIntent: () => {
        throw new Error('secret internals');
      },
    };
    const { conversation, lines } = setup({ bot: broken });
    const card = await conversation.ask({
      text: `saga ${'z'.repeat(5000)}`,
      platform: 'discord',
      channelId: '1',
    });
    expect(card).toEqual(problemCard('failure'));
    expect(cardToText(card)).not.toContain('secret');
    const logged = lines.find((line) => line.msg === 'answering failed');
    expect(logged).toBeDefined();
    expect(String(logged?.text).length).toBe(200);
  });

  it('askWithin gives the card in time, or the promise of it', async () => {
    const { conversation } = setup({ daily: recordingDaily(300).daily });
    const where = { platform: 'slack' as const, channelId: 'C1' };
    const fast = await conversation.askWithin({ text: 'saga', ...where }, 1000);
    expect('card' in fast && fast.card.title).toBe('Saga Pattern');
    const slow = await conversation.askWithin({ text: 'daily off', ...where }, 20);
    expect('later' in slow).toBe(true);
    if ('later' in slow) expect((await slow.later).title).toBe('The daily pattern was already off here');
  });
});

describe('act', () => {
  const clicker = { platform: 'slack' as const, userId: 'U9', channelId: 'C1' };

  it('show opens the pattern card, with its Share button', async () => {
    const { conversation } = setup();
    const result = await conversation.act(encodeAction({ type: 'show', slug: 'outbox-pattern' }), clicker);
    expect(result.type).toBe('show');
    expect(result.card.title).toBe('Outbox Pattern');
    expect(result.card.share).toBeDefined();
  });

  it('share rebuilds the card under the sharer’s name, without a Share button of its own', async () => {
    const { conversation } = setup();
    const share = (await conversation.ask({ text: 'compare saga outbox', platform: 'slack' })).share;
    const result = await conversation.act(share?.action, clicker);
    expect(result.type).toBe('share');
    expect(result.card.title).toBe('Saga Pattern vs Outbox Pattern');
    expect(result.card.byline).toEqual(['Shared by ', { user: 'U9' }]);
    expect(result.card.share).toBeUndefined();
  });

  it('an old release’s button still opens its pattern', async () => {
    const { conversation } = setup();
    expect((await conversation.act('pattern:show:saga-pattern', clicker)).card.title).toBe('Saga Pattern');
  });

  it.each([['something-else'], [undefined], ['p1:["o","gone-pattern"]'], ['p1:["s","p","gone","l"]']])(
    'answers %j with a short notice, never silence',
    async (value) => {
      const { conversation } = setup();
      const result = await conversation.act(value, clicker);
      expect(result.type).toBe('notice');
      expect(['That button no longer works', 'That pattern is no longer in the catalog']).toContain(
        result.card.title,
      );
    },
  );
});

describe('complete', () => {
  it('offers patterns for what is typed, and commands', () => {
    const { conversation } = setup();
    expect(conversation.complete('sag')[0]).toEqual({ label: '06 Saga Pattern', value: 'saga-pattern' });
    expect(conversation.complete('').length).toBe(12 + 11); // every pattern, then every command but lookup
    expect(conversation.complete('compare saga out')[0]).toEqual({
      label: 'compare saga out',
      value: 'compare saga out',
    });
  });
});
