/**
 * The real-question and chat-line sets (bench/eval-sets.md), per half: the bot as it runs (content,
 * glossary, English word list) against fuse.js with its default options over the same rows. Tune on
 * the `tune` half; `measure` is the figure to trust.
 */
import Fuse from 'fuse.js';
import type { Answer } from '../src/core/answer.js';
import { type Bot, CLEAR_WINNER_MIN, CONFIDENT, PLAUSIBLE } from '../src/core/bot.js';
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

/** What the bot said to a text, in one short phrase: the card's slug, the kind, or the term. */
function said(answer: Answer): string {
  if (answer.kind === 'pattern')
    return answer.versus ? `${answer.pattern.slug} vs ${answer.versus.term}` : answer.pattern.slug;
  if (answer.kind === 'compare') return `compare:${answer.patterns.map((p) => p.slug).join('+')}`;
  if (answer.kind === 'term') return `term:${answer.term}`;
  if (answer.kind === 'category') return `category:${answer.group.category}`;
  return answer.kind;
}

/** The rows of the tune half the bot gets wrong (the measure half's are never printed: nobody tunes on them). */
function tuneMisses(bot: Bot, questions: readonly RealQuestion[], chat: readonly ChatLine[]): string[] {
  const misses: string[] = [];
  for (const q of questions) {
    const answer = bot.answer(q.text);
    const top = answer.kind === 'pattern' ? answer.pattern.slug : undefined;
    const right =
      q.expect.kind === 'pattern' || q.expect.kind === 'compare-out'
        ? top === q.expect.slug
        : q.expect.kind === 'none'
          ? !isCard(answer)
          : answer.kind === 'compare' &&
            answer.patterns
              .map((p) => p.slug)
              .sort()
              .join('+') === q.expect.slugs.join('+');
    if (!right) misses.push(`  ${q.id} "${q.text}" → ${said(answer)} (expected ${q.expectText})`);
  }
  for (const line of chat) {
    const answer = bot.answer(line.text);
    if (isCard(answer)) misses.push(`  ${line.id} "${line.text}" → ${said(answer)} (chat)`);
  }
  return misses;
}

/**
 * Last wave's figures (the engine before content search, main at de1bec8), as `npm run bench` printed
 * them: answerable right, outside without a card, one side outside, chat lines without a card.
 */
const LAST_WAVE: Readonly<Record<Split, string>> = {
  tune: '| last wave (names and aliases only) | 77.2% (44/57) | 85.3% (29/34) | 20.0% (1/5) | 96.6% (115/119) |',
  measure:
    '| last wave (names and aliases only) | 66.1% (37/56) | 91.9% (34/37) | 57.1% (8/14) | 98.0% (98/100) |',
  holdout:
    '| last wave (names and aliases only) | 70.0% (63/90) | 90.2% (37/41) | 75.0% (6/8) | 94.2% (163/173) |',
};

type Tier = 'answer' | 'did-you-mean' | 'not found';

/** The tier of the bot's answer to a question: a looked-up card's own tier, or not found (no card). */
function tierOf(answer: Answer): Tier {
  if (answer.kind === 'pattern') return answer.tier ?? 'answer';
  return isCard(answer) ? 'answer' : 'not found';
}

/**
 * Precision and coverage at each confidence tier, over the questions with one right card or none
 * (compare rows aside): precision is the share of a tier's answers that are right (for not found: the
 * questions that should get no card), coverage the share of all questions that land in the tier.
 */
function tierTable(bot: Bot, questions: readonly RealQuestion[]): string[] {
  const rows = questions.filter((q) => q.expect.kind !== 'compare');
  const tally = new Map<Tier, { right: number; all: number }>();
  for (const q of rows) {
    const answer = bot.answer(q.text);
    const tier = tierOf(answer);
    const want = q.expect.kind === 'pattern' || q.expect.kind === 'compare-out' ? q.expect.slug : undefined;
    const right =
      tier === 'not found' ? want === undefined : answer.kind === 'pattern' && answer.pattern.slug === want;
    const t = tally.get(tier) ?? { right: 0, all: 0 };
    tally.set(tier, { right: t.right + (right ? 1 : 0), all: t.all + 1 });
  }
  const lines = ['| tier | precision | coverage |', '|---|---:|---:|'];
  for (const tier of ['answer', 'did-you-mean', 'not found'] as const) {
    const t = tally.get(tier) ?? { right: 0, all: 0 };
    lines.push(`| ${tier} | ${pct(t.right, t.all)} | ${pct(t.all, rows.length)} |`);
  }
  return lines;
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
    console.log(LAST_WAVE[split]);
    console.log(
      `\nConfidence tiers, ${split} half (thresholds: answer ≥ ${CONFIDENT}, did-you-mean ≥ ${PLAUSIBLE} or a clear winner ≥ ${CLEAR_WINNER_MIN}):`,
    );
    for (const line of tierTable(bot, q)) console.log(line);
    if (split === 'tune') {
      const misses = tuneMisses(bot, q, c);
      console.log(misses.length > 0 ? `\npattern-bot misses on the tune half:\n${misses.join('\n')}` : '');
    }
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
  console.log(LAST_WAVE.holdout);
  console.log('\nConfidence tiers, held-out set:');
  for (const line of tierTable(bot, holdout)) console.log(line);
  console.log(
    '\nTargets on the measure half: ≥ 90% answerable right; ≥ 95% outside without a card; 100% chat lines without a card.',
  );
}
