/**
 * The real-question and chat-line sets (bench/eval-sets.md), per half: the bot as it runs (content,
 * glossary, English word list) against fuse.js with its default options over the same rows. Tune on
 * the `tune` half; `measure` is the figure to trust.
 */
import Fuse from 'fuse.js';
import type { Answer } from '../src/core/answer.js';
import type { Bot } from '../src/core/bot.js';
import {
  type ChatLine,
  loadChatLines,
  loadHoldoutChat,
  loadHoldoutQuestions,
  loadRealQuestions,
  type RealQuestion,
  type Split,
} from './eval-sets.js';

const pct = (n: number, d: number) => (d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)}% (${n}/${d})`);
const isCard = (answer: Answer) =>
  answer.kind === 'pattern' || answer.kind === 'compare' || answer.kind === 'category';

interface Engine {
  readonly name: string;
  /** The slug of the one pattern card shown, or undefined for none (fuse: its best hit, if any). */
  top(text: string): string | undefined;
  /** Whether the text gets any pattern card at all. */
  carded(text: string): boolean;
}

function botEngine(bot: Bot): Engine {
  return {
    name: 'pattern-bot',
    top: (text) => {
      const answer = bot.answer(text);
      return answer.kind === 'pattern' ? answer.pattern.slug : undefined;
    },
    carded: (text) => isCard(bot.answer(text)),
  };
}

function fuseEngine(bot: Bot): Engine {
  const fuse = new Fuse([...bot.patterns], {
    keys: ['code', 'slug', 'name', 'description', 'category', 'aliases'],
  });
  const top = (text: string) => fuse.search(text, { limit: 1 })[0]?.item.slug;
  return { name: 'fuse.js defaults', top, carded: (text) => top(text) !== undefined };
}

function row(engine: Engine, questions: readonly RealQuestion[], chat: readonly ChatLine[]): string {
  const answerable = questions.filter((q) => q.expect.kind === 'pattern');
  const outside = questions.filter((q) => q.expect.kind === 'none');
  const right = answerable.filter(
    (q) => q.expect.kind === 'pattern' && engine.top(q.text) === q.expect.slug,
  ).length;
  const honest = outside.filter((q) => !engine.carded(q.text)).length;
  const silent = chat.filter((line) => !engine.carded(line.text)).length;
  const versus = questions.filter((q) => q.expect.kind === 'compare-out');
  const inside = versus.filter(
    (q) => q.expect.kind === 'compare-out' && engine.top(q.text) === q.expect.slug,
  ).length;
  return `| ${engine.name} | ${pct(right, answerable.length)} | ${pct(honest, outside.length)} | ${pct(inside, versus.length)} | ${pct(silent, chat.length)} |`;
}

export function reportEvalSets(bot: Bot): void {
  const questions = loadRealQuestions();
  const chat = loadChatLines();
  for (const split of ['tune', 'measure'] as const satisfies readonly Split[]) {
    const q = questions.filter((r) => r.split === split);
    const c = chat.filter((r) => r.split === split);
    console.log(
      `\nReal questions and chat lines, ${split} half (${q.length} questions, ${c.length} chat lines):`,
    );
    console.log(
      '| engine | answerable: right card | outside the catalog: no card | one side outside: the inside card | chat lines: no card |',
    );
    console.log('|---|---:|---:|---:|---:|');
    for (const engine of [botEngine(bot), fuseEngine(bot)]) console.log(row(engine, q, c));
  }
  const holdout = loadHoldoutQuestions();
  const holdoutChat = loadHoldoutChat();
  console.log(
    `\nHeld-out sets, gathered apart and never tuned on (${holdout.length} questions, ${holdoutChat.length} chat lines):`,
  );
  console.log(
    '| engine | answerable: right card | outside the catalog: no card | one side outside: the inside card | chat lines: no card |',
  );
  console.log('|---|---:|---:|---:|---:|');
  for (const engine of [botEngine(bot), fuseEngine(bot)]) console.log(row(engine, holdout, holdoutChat));
  console.log(
    '\nTargets on the measure half: ≥ 90% answerable right; ≥ 95% outside without a card; 100% chat lines without a card.',
  );
}
