import type {
  Answer,
  CategoryGroup,
  CompareAnswer,
  GoalAnswer,
  NoneAnswer,
  PairRelation,
  PatternAnswer,
  TermAnswer,
} from './answer.js';
import type { PatternView } from './card/action.js';
import type { GlossaryEntry } from './catalog/glossary-entry.js';
import type { PairNote } from './catalog/pair-note.js';
import { COMMANDS } from './commands.js';
import { goalOf, type Quality, qualityIn } from './goal-of.js';
import { type CompareSplit, type Intent, parseIntent } from './intent.js';
import { exactKey } from './normalize.js';
import type { Pattern } from './pattern.js';
import { dailyRotation, localDate, patternOfTheDay } from './pattern-of-the-day.js';
import {
  createSearchIndex,
  MAX_QUERY_LENGTH,
  rankStrings,
  type SearchHit,
  type SearchOptions,
} from './search.js';
import { createTermIndex } from './term-index.js';

/** Words that ask for what replaces a thing rather than for the thing. */
const ALTERNATIVE = /\b(?:alternatives?|instead|replace|replacement)\b/i;

/** At or above: the answer. */
export const CONFIDENT = 0.7;
/** At or above (and below CONFIDENT): the answer, with "did you mean". Below: not found. */
export const PLAUSIBLE = 0.5;
/** Below PLAUSIBLE, a hit this high that beats the runner-up (or this floor) by this ratio is still the answer. */
export const CLEAR_WINNER_MIN = 0.42;
export const CLEAR_WINNER_RATIO = 1.6;
const CLEAR_WINNER_FLOOR = 0.2;
/** A runner-up this close to the best (as a ratio) is offered as an alternative. */
export const CLOSE_RATIO = 0.85;
/** The least score a suggestion needs: below it, it is noise. */
export const SUGGESTION_FLOOR = 0.4;
export const MAX_ALTERNATIVES = 3;
/** How many patterns a goal answer lists, and how many search hits rank them. */
const MAX_GOAL_PATTERNS = 8;
const GOAL_LIMIT = 50;
/** How much of the query a not-found answer repeats. */
const MAX_ECHO = 100;

export interface AnswerContext {
  /** The current time, for `today`. */
  readonly now?: Date;
  /** The IANA zone whose calendar date `today` uses. */
  readonly timeZone?: string;
  /** A number in [0, 1), for `random`. */
  readonly random?: () => number;
}

export interface Bot {
  readonly patterns: readonly Pattern[];
  /** Caps and reads a text: what `answer` would do with it. */
  parse(text: string): { readonly text: string; readonly intent: Intent };
  answer(text: string, context?: AnswerContext): Answer;
  /** The answer to an intent already parsed (`text` is the capped text it was read from). */
  answerIntent(intent: Intent, text: string, context?: AnswerContext): Answer;
  search(query: string, limit?: number): SearchHit[];
  /** The pattern of the day for a calendar date (YYYY-MM-DD). */
  patternOfTheDay(isoDate: string): Pattern;
  /** The pattern-of-the-day card for a calendar date (YYYY-MM-DD). */
  todayAnswer(isoDate: string): PatternAnswer;
  /** The comparison of two patterns, with their curated note and relations (for buttons too). */
  compareAnswer(a: Pattern, b: Pattern): CompareAnswer;
  /** A pattern by slug. */
  bySlug(slug: string): Pattern | undefined;
  /** Terms that are not patterns here (2PC, bulkhead…), from the glossary. */
  readonly glossary: readonly GlossaryEntry[];
  /** The pattern card for a slug (for buttons), or undefined when the slug is unknown. */
  patternAnswer(
    slug: string,
    source?: PatternAnswer['source'],
    view?: PatternView,
  ): PatternAnswer | undefined;
  groups(): readonly CategoryGroup[];
}

/** The text the core works on: at most MAX_QUERY_LENGTH characters, whatever arrived. */
export function capText(text: unknown): string {
  return String(text ?? '').slice(0, MAX_QUERY_LENGTH);
}

export interface BotOptions extends SearchOptions {
  readonly glossary?: readonly GlossaryEntry[];
  /** Curated notes on classic pairs (`data/comparisons.yaml`). */
  readonly comparisons?: readonly PairNote[];
}

export function createBot(patterns: readonly Pattern[], options: BotOptions = {}): Bot {
  if (patterns.length === 0) throw new RangeError('cannot answer from an empty catalog');
  const glossary = options.glossary ?? [];
  const extraContent = new Map<string, string[]>();
  for (const entry of glossary) {
    for (const r of entry.relates) extraContent.set(r.slug, [...(extraContent.get(r.slug) ?? []), r.how]);
  }
  const index = createSearchIndex(patterns, {
    ...options,
    extraContent,
    ownTerms: glossary.flatMap((entry) => [entry.term, ...entry.aliases]),
  });
  const bySlug = new Map(patterns.map((pattern) => [pattern.slug, pattern]));
  const rotation = dailyRotation(patterns);
  const groups: CategoryGroup[] = [];
  for (const pattern of patterns) {
    const group = groups.find((g) => g.category === pattern.category);
    if (group) (group.patterns as Pattern[]).push(pattern);
    else groups.push({ category: pattern.category, patterns: [pattern] });
  }
  const categoryByKey = new Map(groups.map((group) => [exactKey(group.category), group]));
  const terms = createTermIndex(options.glossary ?? [], patterns);
  /** The curated notes by their pair, lower-cased (the second side may be a glossary term: `2PC`). */
  const notes = new Map<string, PairNote>();
  const pairKey = (a: string, b: string) => `${a.toLowerCase()}\u0000${b.toLowerCase()}`;
  for (const note of options.comparisons ?? []) if (!note.within) notes.set(pairKey(...note.pair), note);

  function compareAnswer(a: Pattern, b: Pattern): CompareAnswer {
    const straight = notes.get(pairKey(a.slug, b.slug));
    const reversed = straight ? undefined : notes.get(pairKey(b.slug, a.slug));
    const found = straight ?? reversed;
    const relations: PairRelation[] = [
      ...(a.doc?.relations ?? [])
        .filter((r) => r.slug === b.slug)
        .map((r) => ({ type: r.type, note: r.note, from: a.slug })),
      ...(b.doc?.relations ?? [])
        .filter((r) => r.slug === a.slug)
        .map((r) => ({ type: r.type, note: r.note, from: b.slug })),
    ];
    return {
      kind: 'compare',
      patterns: [a, b],
      ...(found
        ? {
            note: {
              relation: found.relation,
              difference: found.difference,
              chooseFirst: straight ? found.choose_a : found.choose_b,
              chooseSecond: straight ? found.choose_b : found.choose_a,
              ...(found.together ? { together: found.together } : {}),
            },
          }
        : {}),
      relations,
    };
  }

  /** The patterns a pattern's content names, resolved once. */
  const neighboursOf = new Map(
    patterns.map((pattern) => {
      const slugs = [
        ...(pattern.doc?.relations.map((r) => r.slug) ?? []),
        ...(pattern.doc?.confusions.map((c) => c.with) ?? []),
        ...pattern.related,
      ];
      return [pattern.slug, [...new Set(slugs)].flatMap((slug) => bySlug.get(slug) ?? [])];
    }),
  );
  const card = (
    pattern: Pattern,
    source: PatternAnswer['source'],
    alternatives: Pattern[] = [],
    date?: string,
    view: PatternView = 'card',
  ): PatternAnswer => ({
    kind: 'pattern',
    pattern,
    related: pattern.related.flatMap((slug) => bySlug.get(slug) ?? []),
    alternatives,
    source,
    ...(date ? { date } : {}),
    ...(view !== 'card' ? { view } : {}),
    neighbours: neighboursOf.get(pattern.slug) ?? [],
  });
  const none = (query: string, reason: NoneAnswer['reason'], suggestions: Pattern[] = []): NoneAnswer => ({
    kind: 'none',
    query: query.trim().slice(0, MAX_ECHO),
    reason,
    suggestions,
  });

  /** The best hit if it is plausible: high enough, or a clear winner (well ahead of the runner-up). */
  function lookup(query: string): { best?: SearchHit; hits: SearchHit[] } {
    const hits = index.search(query, MAX_ALTERNATIVES + 1);
    const best = hits[0];
    if (!best) return { hits };
    const runnerUp = Math.max(hits[1]?.score ?? 0, CLEAR_WINNER_FLOOR);
    const plausible =
      best.score >= PLAUSIBLE ||
      (best.score >= CLEAR_WINNER_MIN && best.score >= runnerUp * CLEAR_WINNER_RATIO);
    return plausible ? { best, hits } : { hits };
  }

  const termAnswer = (term: GlossaryEntry): TermAnswer => ({
    kind: 'term',
    term: term.term,
    definition: term.definition,
    relates: term.relates.flatMap((r) => {
      const pattern = bySlug.get(r.slug);
      return pattern ? [{ pattern, how: r.how }] : [];
    }),
  });

  /**
   * The patterns whose content lists the quality, ranked by how well they match the question, then by
   * how high the quality stands in their list (a pattern's first quality is what it is mostly for).
   */
  function goalAnswer(quality: Quality, query: string): GoalAnswer {
    const serving = patterns.filter((p) => p.doc?.qualities.includes(quality));
    const fit = new Map(index.search(query, GOAL_LIMIT).map((hit) => [hit.pattern, hit.score]));
    const rank = (p: Pattern) => (fit.get(p) ?? 0) + 0.5 / (1 + (p.doc?.qualities.indexOf(quality) ?? 0));
    return {
      kind: 'goal',
      quality,
      patterns: serving.sort((a, b) => rank(b) - rank(a)).slice(0, MAX_GOAL_PATTERNS),
    };
  }

  function answerLookup(query: string, original: string): Answer {
    const category = categoryByKey.get(exactKey(query));
    if (category) return { kind: 'category', group: category };
    const goal = terms.namesPattern(query) ? undefined : goalOf(query);
    if (goal) return goalAnswer(goal, query);
    const term = terms.termOf(query);
    // "an alternative to 2PC": the pattern the glossary names first for it, not the term itself.
    const instead = term && ALTERNATIVE.test(query) ? bySlug.get(term.relates[0]?.slug ?? '') : undefined;
    if (instead) return card(instead, 'lookup');
    if (term) return termAnswer(term);
    const { best, hits } = lookup(query);
    // A glossary term the question holds is what it is about when no pattern is named in it ("Rate
    // limit doesn't always block my requests when needed"), or only by a shorter name ("kafka
    // consumer group rebalance": the consumer group, not event-driven architecture).
    const held = terms.termIn(query);
    if (held && held.words > (best?.mentioned ?? 0)) return termAnswer(held.entry);
    if (!best) {
      return none(
        original,
        'no-match',
        hits.filter((hit) => hit.score >= SUGGESTION_FLOOR).map((hit) => hit.pattern),
      );
    }
    const weak = best.score < CONFIDENT;
    const alternatives = hits
      .slice(1)
      .filter((hit) => hit.score >= SUGGESTION_FLOOR && (weak || hit.score >= best.score * CLOSE_RATIO))
      .map((hit) => hit.pattern)
      .slice(0, MAX_ALTERNATIVES);
    return { ...card(best.pattern, 'lookup', alternatives), tier: weak ? 'did-you-mean' : 'answer' };
  }

  /**
   * A comparison with one side outside the catalog ("Retry vs Circuit Breaker", "API Gateway vs Load
   * Balancer"): the pattern's card, with what the term is to it. Undefined unless exactly one side is a
   * glossary term and the other a pattern.
   */
  function versusTerm(splits: readonly CompareSplit[], look = lookup): PatternAnswer | undefined {
    for (const [leftText, rightText] of splits) {
      for (const [termText, patternText] of [
        [leftText, rightText],
        [rightText, leftText],
      ] as const) {
        const term = terms.termOf(termText);
        const side = term && look(patternText).best;
        if (!term || !side || side.score < PLAUSIBLE || terms.termOf(patternText)) continue;
        const how = term.relates.find((r) => r.slug === side.pattern.slug)?.how;
        const note = [term.term, ...term.aliases]
          .map((name) => notes.get(pairKey(side.pattern.slug, name)))
          .find((found) => found !== undefined);
        return {
          ...card(side.pattern, 'lookup'),
          versus: {
            term: term.term,
            definition: term.definition,
            ...(how ? { how } : {}),
            ...(note
              ? { difference: note.difference, chooseThis: note.choose_a, chooseTerm: note.choose_b }
              : {}),
          },
        };
      }
    }
    return undefined;
  }

  function answerCompare(splits: readonly CompareSplit[], original: string): Answer {
    // The readings of one comparison share their sides ("cqrs" | "event sourcing", "cqrs event" | …):
    // each side text is looked up once.
    const looked = new Map<string, ReturnType<typeof lookup>>();
    const look = (text: string) => {
      const known = looked.get(text);
      if (known) return known;
      const found = lookup(text);
      looked.set(text, found);
      return found;
    };
    const outside = versusTerm(splits, look);
    if (outside) return outside;
    let chosen: { left: SearchHit; right: SearchHit; score: number } | undefined;
    let firstMissing: string | undefined;
    for (const [leftText, rightText] of splits) {
      const left = look(leftText).best;
      const right = look(rightText).best;
      if (!left || !right || left.pattern === right.pattern) {
        firstMissing ??= !left ? leftText : !right ? rightText : undefined;
        continue;
      }
      const score = Math.min(left.score, right.score);
      if (!chosen || score > chosen.score) chosen = { left, right, score };
      if (score >= 1) break; // two exact names: no other reading can do better
    }
    if (chosen) return compareAnswer(chosen.left.pattern, chosen.right.pattern);
    if (splits.length === 0) return none(original, 'compare-needs-two');
    if (firstMissing !== undefined) {
      const suggestions = index
        .search(firstMissing, MAX_ALTERNATIVES)
        .filter((hit) => hit.score >= SUGGESTION_FLOOR);
      return none(
        firstMissing,
        'no-match',
        suggestions.map((hit) => hit.pattern),
      );
    }
    return none(original, 'compare-needs-two');
  }

  function answerCategory(query: string, original: string): Answer {
    const key = exactKey(query);
    const exact = categoryByKey.get(key);
    if (exact) return { kind: 'category', group: exact };
    const wanted = new Set(key.split(' '));
    let best: { group: CategoryGroup; score: number } | undefined;
    for (const group of groups) {
      const words = exactKey(group.category).split(' ');
      const shared = words.filter((word) =>
        [...wanted].some((w) => w === word || (w.length >= 3 && word.startsWith(w))),
      ).length;
      const score = shared / Math.max(words.length, wanted.size);
      if (shared > 0 && (!best || score > best.score)) best = { group, score };
    }
    if (best) return { kind: 'category', group: best.group };
    // `category reliability`: not a category, a goal.
    const quality = qualityIn(query);
    if (quality) return goalAnswer(quality, query);
    const fuzzy = rankStrings(
      query,
      groups.map((g) => g.category),
    )[0];
    const fuzzyGroup = fuzzy && groups[fuzzy.index];
    if (fuzzyGroup) return { kind: 'category', group: fuzzyGroup };
    const viaPatterns = lookup(query).best;
    const group = viaPatterns && groups.find((g) => g.category === viaPatterns.pattern.category);
    if (group && viaPatterns.score >= CONFIDENT) return { kind: 'category', group };
    return none(original, 'no-category');
  }

  function todayAnswer(isoDate: string): PatternAnswer {
    return card(patternOfTheDay(rotation, isoDate), 'today', [], isoDate);
  }

  function parse(text: string): { text: string; intent: Intent } {
    const capped = capText(text);
    return { text: capped, intent: parseIntent(capped) };
  }

  function answerIntent(intent: Intent, capped: string, context: AnswerContext = {}): Answer {
    switch (intent.type) {
      case 'help':
        return { kind: 'help', commands: COMMANDS };
      case 'list':
        return { kind: 'list', groups };
      case 'random': {
        const pick = Math.floor((context.random ?? Math.random)() * patterns.length);
        return card(patterns[Math.min(Math.max(pick, 0), patterns.length - 1)] as Pattern, 'random');
      }
      case 'today': {
        return todayAnswer(localDate(context.now ?? new Date(), context.timeZone ?? 'UTC'));
      }
      case 'daily':
        // Subscriptions live outside the core: here (no channel) the answer is where it works.
        return intent.command.type === 'invalid'
          ? { kind: 'daily', outcome: 'invalid', problems: intent.command.problems }
          : { kind: 'daily', outcome: 'channels-only' };
      case 'stats':
        // The miss log lives outside the core: the conversation answers `stats` where there is one.
        return { kind: 'stats', outcome: 'unavailable' };
      case 'category':
        return answerCategory(intent.query, capped);
      case 'compare': {
        const compared = answerCompare(intent.splits, capped);
        return compared.kind === 'compare' || !intent.orLookup
          ? compared
          : answerLookup(intent.query, capped);
      }
      case 'lookup': {
        const found = answerLookup(intent.query, capped);
        return intent.view && found.kind === 'pattern' ? { ...found, view: intent.view } : found;
      }
    }
  }

  function answer(text: string, context: AnswerContext = {}): Answer {
    const parsed = parse(text);
    return answerIntent(parsed.intent, parsed.text, context);
  }

  return {
    patterns,
    glossary,
    compareAnswer,
    bySlug: (slug) => bySlug.get(slug),
    parse,
    answer,
    answerIntent,
    search: (query, limit) => index.search(query, limit),
    patternOfTheDay: (isoDate) => patternOfTheDay(rotation, isoDate),
    todayAnswer,
    patternAnswer: (slug, source = 'lookup', view = 'card') => {
      const pattern = bySlug.get(slug);
      return pattern ? card(pattern, source, [], undefined, view) : undefined;
    },
    groups: () => groups,
  };
}
