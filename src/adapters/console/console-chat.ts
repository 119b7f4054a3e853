import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { answerToText } from '../../core/answer-to-text.js';
import type { AnswerContext, Bot } from '../../core/bot.js';

export interface ConsoleChatOptions {
  readonly bot: Bot;
  readonly input: Readable;
  readonly output: Writable;
  /** A line printed before the first prompt. */
  readonly banner?: string;
  readonly context?: () => AnswerContext;
}

const QUIT = /^(?:\/?(?:quit|exit|bye)|\\q|:q)$/i;

/** Answers one line of console input as text. Never throws: a bug answers with a fixed message. */
export function consoleReply(bot: Bot, line: string, context: AnswerContext = {}): string {
  try {
    return answerToText(bot.answer(line, context));
  } catch {
    return 'Sorry, something went wrong answering that. Try "help".';
  }
}

/** The token-free chat: type `/pattern saga` or a question, read the answer. Resolves when input ends. */
export function runConsoleChat(options: ConsoleChatOptions): Promise<void> {
  const { bot, input, output } = options;
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
  return new Promise((resolve) => {
    rl.on('line', (line) => {
      if (QUIT.test(line.trim())) {
        rl.close();
        return;
      }
      if (line.trim() !== '') write(`${consoleReply(bot, line, options.context?.() ?? {})}\n`);
      rl.prompt();
    });
    rl.on('close', () => resolve());
  });
}
