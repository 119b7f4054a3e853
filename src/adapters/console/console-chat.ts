import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Conversation } from '../../conversation/types.js';
import { cardToText } from '../../core/card/card-to-text.js';

export interface ConsoleChatOptions {
  readonly conversation: Conversation;
  readonly input: Readable;
  readonly output: Writable;
  /** A line printed before the first prompt. */
  readonly banner?: string;
}

const QUIT = /^(?:\/?(?:quit|exit|bye)|\\q|:q)$/i;

/** Answers one line of console input as text. Never throws: the conversation answers failures with a card. */
export async function consoleReply(conversation: Conversation, line: string): Promise<string> {
  return cardToText(await conversation.ask({ text: line, platform: 'console' }));
}

/** The token-free chat: type `/pattern saga` or a question, read the answer. Resolves when input ends. */
export function runConsoleChat(options: ConsoleChatOptions): Promise<void> {
  const { conversation, input, output } = options;
  const rl = createInterface({
    input,
    output,
    prompt: 'pattern> ',
    terminal: (output as { isTTY?: boolean }).isTTY === true,
  });
  const write = (text: string) => output.write(`${text}\n`);
  if (options.banner) write(options.banner);
  write(
    'Ask about a pattern ("saga", "/pattern compare cqrs event sourcing", "what\'s a sidecar?"), "help", or "quit".',
  );
  rl.prompt();
  // Lines are answered in order, one at a time, even when they arrive faster than the answers.
  let queue = Promise.resolve();
  return new Promise((resolve) => {
    let quitting = false;
    rl.on('line', (line) => {
      if (quitting) return;
      if (QUIT.test(line.trim())) {
        quitting = true;
        queue = queue.then(() => rl.close());
        return;
      }
      queue = queue.then(async () => {
        if (line.trim() !== '') write(`${await consoleReply(conversation, line)}\n`);
        rl.prompt();
      });
    });
    rl.on('close', () => {
      void queue.then(() => resolve());
    });
  });
}
