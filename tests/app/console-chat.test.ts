import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { consoleReply, runConsoleChat } from '../../src/adapters/console/console-chat.js';
import { realBot } from '../helpers/catalog.js';

const bot = realBot();

describe('console chat', () => {
  it('answers /pattern commands and questions as text until quit', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let printed = '';
    output.on('data', (chunk) => {
      printed += chunk;
    });
    const done = runConsoleChat({ bot, input, output, banner: 'hello' });
    input.write('/pattern saga\n');
    input.write("what's a sidecar?\n");
    input.write('quit\n');
    input.write('list\n');
    await done;
    expect(printed.startsWith('hello\n')).toBe(true);
    expect(printed).toContain('Saga Pattern (06, Transaction Pattern)');
    expect(printed).toContain('Sidecar Pattern (08, Deployment Pattern)');
    expect(printed).not.toContain('All patterns, by category');
  });

  it('ends when the input ends', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    output.resume();
    const done = runConsoleChat({ bot, input, output });
    input.end('help\n');
    await expect(done).resolves.toBeUndefined();
  });

  it('replies politely when the core fails', () => {
    const broken = {
      ...bot,
      answer: () => {
        throw new Error('secret detail');
      },
    };
    expect(consoleReply(broken, 'saga')).toBe('Sorry, something went wrong answering that. Try "help".');
  });
});
