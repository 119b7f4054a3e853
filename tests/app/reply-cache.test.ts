import { describe, expect, it } from 'vitest';
import type { Answer } from '../../src/core/answer.js';
import { isRepeatable } from '../../src/core/answer.js';
import { createReplyCache } from '../../src/reply-cache.js';
import { realBot } from '../helpers/catalog.js';

const bot = realBot();
const at = { now: new Date('2026-11-25T12:00:00Z'), timeZone: 'UTC' };

/** A cache over the real bot that counts how often it really asked and rendered. */
function counted(max?: number) {
  const cache = createReplyCache<{ text: string; answer: Answer }>(max);
  const calls = { ask: 0, render: 0 };
  const reply = (text: string, random = () => 0.5) =>
    cache.reply(
      text,
      async () => {
        calls.ask++;
        return bot.answer(text, { ...at, random });
      },
      (answer) => {
        calls.render++;
        return { text, answer };
      },
    );
  return { cache, calls, reply };
}

describe('isRepeatable', () => {
  it('is true for lookups, comparisons, lists, categories, not-found and help', () => {
    for (const text of ['saga', 'compare cqrs saga', 'list', 'category data', 'pizza', 'help']) {
      expect(isRepeatable(bot.answer(text, at)), text).toBe(true);
    }
  });

  it('is false for random, today and notices', () => {
    expect(isRepeatable(bot.answer('random', at))).toBe(false);
    expect(isRepeatable(bot.answer('today', at))).toBe(false);
    expect(isRepeatable({ kind: 'notice', tone: 'info', title: 'Daily is off', lines: [] })).toBe(false);
  });
});

describe('createReplyCache', () => {
  it('asks and renders a repeated question once, and gives back the same reply', async () => {
    const { cache, calls, reply } = counted();
    const first = await reply('circuit braker');
    const second = await reply('circuit braker');
    expect(second).toBe(first);
    expect(first.answer.kind).toBe('pattern');
    expect(calls).toEqual({ ask: 1, render: 1 });
    expect(cache.size).toBe(1);
  });

  it('keys on the exact text', async () => {
    const { calls, reply } = counted();
    await reply('saga');
    await reply('Saga');
    expect(calls.ask).toBe(2);
  });

  it('never remembers random or today, so each call can differ', async () => {
    const { cache, calls, reply } = counted();
    const a = await reply('random', () => 0);
    const b = await reply('random', () => 0.99);
    await reply('today');
    await reply('today');
    expect(calls.ask).toBe(4);
    expect(cache.size).toBe(0);
    expect(a.answer).not.toEqual(b.answer);
  });

  it('keeps at most max replies, dropping the least recently used', async () => {
    const { cache, calls, reply } = counted(2);
    await reply('saga');
    await reply('cqrs');
    await reply('saga'); // saga is now the most recent
    await reply('outbox'); // evicts cqrs
    expect(cache.size).toBe(2);
    const before = calls.ask;
    await reply('saga');
    expect(calls.ask).toBe(before);
    await reply('cqrs');
    expect(calls.ask).toBe(before + 1);
  });

  it('with max 0 remembers nothing', async () => {
    const { cache, calls, reply } = counted(0);
    await reply('saga');
    await reply('saga');
    expect(calls.ask).toBe(2);
    expect(cache.size).toBe(0);
  });

  it('does not remember a failure: the next call asks again', async () => {
    const cache = createReplyCache<{ ok: boolean }>();
    let asks = 0;
    const failing = async (): Promise<Answer> => {
      asks++;
      throw new Error('storage down');
    };
    await expect(cache.reply('saga', failing, () => ({ ok: true }))).rejects.toThrow('storage down');
    await expect(cache.reply('saga', failing, () => ({ ok: true }))).rejects.toThrow('storage down');
    expect(asks).toBe(2);
    expect(cache.size).toBe(0);
  });
});
