import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Conversation } from '../../conversation/types.js';
import { decodeAction } from '../../core/card/action.js';
import type { Card } from '../../core/card/card.js';
import { cardToText } from '../../core/card/card-to-text.js';
import { parseAnswerChoice } from '../../core/quiz/quiz-command.js';

export interface ConsoleChatOptions {
  readonly conversation: Conversation;
  readonly input: Readable;
  readonly output: Writable;
  /** A line printed before the first prompt. */
  readonly banner?: string;
}

const QUIT = /^(?:\/?(?:quit|exit|bye)|\\q|:q)$/i;

/** The quiz answer buttons of a card, in option order (the console has no buttons: "2" or "answer 2" clicks one). */
function answerButtons(card: Card | undefined): string[] {
  return (card?.groups ?? [])
    .flatMap((group) => group.buttons)
    .map((button) => button.action)
    .filter((action) => decodeAction(action)?.type === 'quiz');
}

/**
 * A console session: answers each line as text, and remembers the last card so that "2" or
 * "answer 2" after a quiz question answers it. Never throws: the conversation answers failures with a card.
 */
export function createConsoleSession(conversation: Conversation): (line: string) => Promise<string> {
  let last: Card | undefined;
  return async (line) => {
    const choice = parseAnswerChoice(line);
    const button = choice === undefined ? undefined : answerButtons(last)[choice];
    if (button) {
      // The question stays: a second "2" is a double click, and counts once.
      return cardToText((await conversation.act(button, { platform: 'console', userId: 'console' })).card);
    }
    last = await conversation.ask({ text: line, platform: 'console' });
    return cardToText(last);
  };
}

/** Answers one line of console input as text. Never throws: the conversation answers failures with a card. */
export async function consoleReply(conversation: Conversation, line: string): Promise<string> {
  return cardToText(await conversation.ask({ text: line, platform: 'console' }));
}

/** The token-free chat: type `/pattern saga` or a question, read the answer. Resolves when input ends. */
export function runConsoleChat(options: ConsoleChatOptions): Promise<void> {
  const { conversation, input, output } = options;
  const reply = createConsoleSession(conversation);
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
        if (line.trim() !== '') write(`${await reply(line)}\n`);
        rl.prompt();
      });
    });
    rl.on('close', () => {
      void queue.then(() => resolve());
    });
  });
}
