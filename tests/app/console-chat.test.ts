import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { consoleReply, runConsoleChat } from '../../src/adapters/console/console-chat.js';
import { createConversation } from '../../src/conversation/create-conversation.js';
import type { Bot } from '../../src/core/bot.js';
import { createLogger } from '../../src/logger.js';
import { realBot } from '../helpers/catalog.js';

const bot = realBot();
const chat = (over: Bot = bot) =>
  createConversation({ bot: over, logger: createLogger('silent'), defaultTimeZone: 'UTC' });

describe('console chat', () => {
  it('answers /pattern commands and questions as text until quit', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let printed = '';
    output.on('data', (chunk) => {
      printed += chunk;
    });
    const done = runConsoleChat({ conversation: chat(), input, output, banner: 'hello' });
    input.write('/pattern saga\n');
    input.write("what's a sidecar?\n");
    input.write('quit\n');
    input.write('list\n');
    await done;
    expect(printed.startsWith('hello\n')).toBe(true);
    expect(printed).toContain('Saga Pattern\n06 · Transaction Pattern');
    expect(printed).toContain('Sidecar Pattern\n08 · Deployment Pattern');
    expect(printed).not.toContain('All patterns, by category');
  });

  it('ends when the input ends', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    output.resume();
    const done = runConsoleChat({ conversation: chat(), input, output });
    input.end('help\n');
    await expect(done).resolves.toBeUndefined();
  });

  it('replies politely when the core fails', async () => {
    const broken = {
      ...bot,
      answerIntent: () => {
        throw new Error('secret detail');
      },
    };
    expect(await consoleReply(chat(broken), 'saga')).toBe(
      'Sorry, something went wrong on my side\nPlease try again in a moment.',
    );
  });
});
