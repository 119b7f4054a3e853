import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { runConsoleChat } from './adapters/console/console-chat.js';
import { CatalogError, loadCatalogFile } from './catalog-file.js';
import { ConfigError, loadConfig } from './config.js';
import { loadContentDir } from './content-files.js';
import { createConversation } from './conversation/create-conversation.js';
import type { Answer } from './core/answer.js';
import { answerToJson } from './core/answer-to-json.js';
import type { AnswerContext, Bot } from './core/bot.js';
import { answerToCard } from './core/card/answer-to-card.js';
import { cardToText } from './core/card/card-to-text.js';
import { capProblems, formatContentProblem } from './core/catalog/index.js';
import { patternToSummary } from './core/pattern.js';
import { isIsoDate } from './core/pattern-of-the-day.js';
import { loadBot } from './load-catalog.js';
import { createLogger } from './logger.js';
import { createConsoleQuiz } from './quiz/console-quiz.js';

const USAGE = `usage: npm run --silent cli -- <command>
  ask "<text>" [--json]       answer one query (ask - reads one query per line from stdin)
  search "<query>" [--json]   ranked search hits with scores [--limit N]
  today [--date YYYY-MM-DD]   the pattern of the day [--json]
  validate [file]             check a catalog file (default: PATTERNS_FILE)
  chat                        the interactive console chat`;

function print(text: string): void {
  process.stdout.write(`${text}\n`);
}

function show(answer: Answer, json: boolean): string {
  return json ? JSON.stringify(answerToJson(answer)) : cardToText(answerToCard(answer));
}

function render(bot: Bot, text: string, json: boolean, context: AnswerContext): string {
  return show(bot.answer(text, context), json);
}

async function askFromStdin(bot: Bot, json: boolean, context: AnswerContext): Promise<void> {
  const rl = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of rl) print(render(bot, line, json, context));
}

export async function runCli(argv: readonly string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      date: { type: 'string' },
      limit: { type: 'string', default: '5' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    print(USAGE);
    return command || values.help ? 0 : 2;
  }
  const config = loadConfig();
  if (command === 'validate') {
    const file = rest[0] ?? config.patternsFile;
    const patterns = loadCatalogFile(file);
    print(`${file}: ${patterns.length} patterns, no problems`);
    // The authored content beside the catalog (data/patterns/*.yaml, glossary, pair notes), when there is some.
    const dir = dirname(file);
    if (!existsSync(join(dir, 'patterns'))) return 0;
    const content = loadContentDir(dir);
    if (content.problems.length > 0) {
      for (const problem of capProblems(content.problems))
        process.stderr.write(`${formatContentProblem(problem)}\n`);
      process.stderr.write(`${content.problems.length} problems in ${dir}\n`);
      return 1;
    }
    print(
      `${dir}: ${content.docs.length} pattern files, ${content.glossary.length} glossary terms, ${content.comparisons.length} pair notes, no problems`,
    );
    return 0;
  }
  const bot = loadBot(config.patternsFile);
  const context: AnswerContext = { timeZone: config.dailyDefaultTimeZone };
  switch (command) {
    case 'ask': {
      const text = rest.join(' ');
      if (text === '-') await askFromStdin(bot, values.json, context);
      else print(render(bot, text, values.json, context));
      return 0;
    }
    case 'search': {
      const hits = bot.search(rest.join(' '), Number.parseInt(values.limit, 10) || 5);
      if (values.json) {
        print(
          JSON.stringify({
            hits: hits.map((hit) => ({
              ...patternToSummary(hit.pattern),
              score: Number(hit.score.toFixed(4)),
              matchedBy: hit.matchedBy,
            })),
          }),
        );
      } else {
        for (const hit of hits)
          print(`${hit.score.toFixed(3)}  ${hit.pattern.code}  ${hit.pattern.name}  (${hit.matchedBy})`);
        if (hits.length === 0) print('no hits');
      }
      return 0;
    }
    case 'today': {
      if (values.date !== undefined && !isIsoDate(values.date)) {
        process.stderr.write(`--date must be a calendar date written YYYY-MM-DD, got "${values.date}"\n`);
        return 2;
      }
      const answer = values.date ? bot.todayAnswer(values.date) : bot.answer('today', context);
      print(show(answer, values.json));
      return 0;
    }
    case 'chat': {
      const logger = createLogger(config.logLevel);
      const conversation = createConversation({
        bot,
        logger,
        defaultTimeZone: config.dailyDefaultTimeZone,
        quiz: createConsoleQuiz(bot, config),
      });
      await runConsoleChat({ conversation, input: process.stdin, output: process.stdout });
      return 0;
    }
    default:
      process.stderr.write(`unknown command "${command}"\n${USAGE}\n`);
      return 2;
  }
}

runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof ConfigError || error instanceof CatalogError)
      process.stderr.write(`${error.message}\n`);
    else process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = error instanceof CatalogError || error instanceof ConfigError ? 1 : 2;
  },
);
