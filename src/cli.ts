import { existsSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { runConsoleChat } from './adapters/console/console-chat.js';
import { CatalogError, loadCatalogFile } from './catalog-file.js';
import { ConfigError, loadConfig } from './config.js';
import { openConsoleConversation } from './console-conversation.js';
import { loadContentDir } from './content-files.js';
import type { Answer } from './core/answer.js';
import { answerToJson } from './core/answer-to-json.js';
import type { AnswerContext, Bot } from './core/bot.js';
import { answerToCard } from './core/card/answer-to-card.js';
import { cardToText } from './core/card/card-to-text.js';
import { diagramBlock } from './core/card/pattern-card.js';
import { capProblems, formatContentProblem } from './core/catalog/index.js';
import { patternToSummary } from './core/pattern.js';
import { isIsoDate } from './core/pattern-of-the-day.js';
import { diagramProblems } from './diagrams/diagram-problems.js';
import { drawDiagrams } from './diagrams/draw-diagrams.js';
import { loadBot } from './load-catalog.js';
import { createLogger } from './logger.js';
import { listMissesCommand, parseSince, SINCE_HINT } from './misses-command.js';
import { StorageError } from './store/storage-error.js';

const USAGE = `usage: npm run --silent cli -- <command>
  ask "<text>" [--json]       answer one query (ask - reads one query per line from stdin)
  search "<query>" [--json]   ranked search hits with scores [--limit N]
  today [--date YYYY-MM-DD]   the pattern of the day [--json]
  validate [file]             check a catalog file (default: PATTERNS_FILE)
  misses [--since 7d] [--json]  questions that found nothing or only a "did you mean", most frequent first
                              (--since 24h, 7d, 2w or YYYY-MM-DD; default MISS_LOG_DAYS) [--limit N]
  validate [file]             check a catalog file (default: PATTERNS_FILE), diagrams included
  diagram <pattern> [--out f] the pattern's diagram: its text, or with --out its picture as PNG
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

/** `diagram <pattern>`: the text diagram on stdout, or with `--out` the picture written as PNG. */
async function diagram(bot: Bot, query: string, out: string | undefined): Promise<number> {
  const answer = query.trim() ? bot.answer(query) : undefined;
  const pattern = answer?.kind === 'pattern' ? answer.pattern : undefined;
  if (!pattern) {
    process.stderr.write(`no pattern "${query}": try npm run --silent cli -- search "${query}"\n`);
    return 1;
  }
  const doc = pattern.doc;
  if (out === undefined) {
    if (!doc) {
      process.stderr.write(`${pattern.name} has no diagram\n`);
      return 1;
    }
    print(
      cardToText({
        tone: 'plain',
        blocks: [diagramBlock(pattern.slug, pattern.name, doc.diagram)],
        groups: [],
      }),
    );
    return 0;
  }
  const dot = doc?.diagram.dot;
  if (dot === undefined) {
    process.stderr.write(`${pattern.name} has no DOT diagram to draw (only its text)\n`);
    return 1;
  }
  const drawn = await drawDiagrams([{ slug: pattern.slug, dot }]);
  const picture = drawn.pictures[0]?.picture;
  if (!picture) {
    process.stderr.write(
      `${pattern.name}: the diagram does not draw: ${drawn.failed[0]?.error ?? 'unknown'}\n`,
    );
    return 1;
  }
  writeFileSync(out, picture.png);
  print(`${out}: ${pattern.name}, ${picture.width} × ${picture.height} px`);
  return 0;
}

export async function runCli(argv: readonly string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      date: { type: 'string' },
      limit: { type: 'string' },
      since: { type: 'string' },
      out: { type: 'string' },
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
    const loaded = loadContentDir(dir);
    // Only sound content is drawn: the schema's problems come first.
    const content =
      loaded.problems.length > 0 ? loaded : { ...loaded, problems: await diagramProblems(loaded.docs, dir) };
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
  if (command === 'misses') {
    const now = new Date();
    const since =
      values.since === undefined
        ? new Date(now.getTime() - config.missLogDays * 86_400_000)
        : parseSince(values.since, now);
    if (!since) {
      process.stderr.write(`--since must be ${SINCE_HINT}, got "${values.since}"\n`);
      return 2;
    }
    const limit = Number.parseInt(values.limit ?? '100', 10);
    const lines = await listMissesCommand(config, {
      since,
      limit: limit > 0 ? limit : 100,
      json: values.json,
      logger: createLogger(config.logLevel),
    });
    for (const line of lines) print(line);
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
      const hits = bot.search(rest.join(' '), Number.parseInt(values.limit ?? '5', 10) || 5);
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
    case 'diagram':
      return diagram(bot, rest.join(' '), values.out);
    case 'chat': {
      const logger = createLogger(config.logLevel);
      const { conversation, close } = await openConsoleConversation(config, bot, logger);
      await runConsoleChat({ conversation, input: process.stdin, output: process.stdout });
      await close();
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
    if (error instanceof ConfigError || error instanceof CatalogError || error instanceof StorageError)
      process.stderr.write(`${error.message}\n`);
    else process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode =
      error instanceof CatalogError || error instanceof ConfigError || error instanceof StorageError ? 1 : 2;
  },
);
