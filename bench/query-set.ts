import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type AnswerJson, answerToJson } from '../src/core/answer-to-json.js';
import type { Bot } from '../src/core/bot.js';

export const QUERY_FILE = fileURLToPath(new URL('./queries.tsv', import.meta.url));
/** Written after tuning on QUERY_FILE, without looking at the aliases, and never tuned on. */
export const BLIND_FILE = fileURLToPath(new URL('./queries-blind.tsv', import.meta.url));

export interface BenchQuery {
  readonly group: string;
  readonly query: string;
  /** A slug; `none`; `compare:a,b`; `category:Name`; `term:Name` (a glossary term, not a pattern); or `kind:list`. */
  readonly expect: string;
}

export function loadQueries(file = QUERY_FILE): BenchQuery[] {
  return readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .slice(1)
    .filter((line) => line.trim() !== '')
    .map((line, index) => {
      const [group, query, expect] = line.split('\t');
      if (!group || query === undefined || !expect)
        throw new Error(`${file}:${index + 2}: expected group, query, expect`);
      return { group, query, expect };
    });
}

/** Is a lookup: the answer must be one pattern card. */
export function isLookup(query: BenchQuery): boolean {
  return !/^(?:none$|compare:|category:|kind:|term:)/.test(query.expect);
}

/** What the bot's answer amounts to, in the same notation as `expect`. */
export function outcome(json: AnswerJson, expect: string): string {
  const slugs = json.patterns.map((p) => p.slug);
  if (expect.startsWith('compare:')) return `${json.kind}:${slugs.join(',')}`;
  if (expect.startsWith('category:'))
    return json.kind === 'category' ? `category:${json.category}` : json.kind;
  if (expect.startsWith('kind:')) return `kind:${json.kind}`;
  if (json.kind === 'term') return `term:${json.term}`;
  if (json.kind === 'none') return 'none';
  return json.kind === 'pattern' ? (slugs[0] ?? '') : json.kind;
}

export interface Miss {
  readonly query: BenchQuery;
  readonly got: string;
}

export function evaluateBot(bot: Bot, queries: readonly BenchQuery[]): { misses: Miss[]; correct: number } {
  const misses: Miss[] = [];
  for (const query of queries) {
    const got = outcome(answerToJson(bot.answer(query.query)), query.expect);
    if (got !== query.expect) misses.push({ query, got });
  }
  return { misses, correct: queries.length - misses.length };
}
