import { z } from 'zod';
import type { ReviewGrade } from '../review/review-answer.js';

/**
 * One codec for every button on every platform. An action is encoded as `p1:` and a compact JSON
 * array, at most 100 characters, so it fits a Discord `custom_id` and a Slack `action_id` or `value`
 * alike. Decoding validates with zod: anything that is not one of ours (a forged value, a button of
 * an older release) decodes to undefined, and the conversation answers it with a short notice.
 */
export const ACTION_PREFIX = 'p1:';
export const MAX_ACTION_LENGTH = 100;

/** What rebuilds an answer that a button refers to (a click carries no copy of the card). */
export type AnswerRef =
  /** A pattern card: slug, why it was shown, and the local date of a pattern of the day. */
  | {
      readonly k: 'pattern';
      readonly slug: string;
      readonly source: 'lookup' | 'random' | 'today';
      readonly date?: string;
    }
  | { readonly k: 'compare'; readonly slugs: readonly [string, string] }
  | { readonly k: 'list' }
  | { readonly k: 'category'; readonly category: string }
  | {
      readonly k: 'none';
      readonly query: string;
      readonly reason: 'no-match' | 'no-category' | 'compare-needs-two';
      readonly suggestions: readonly string[];
    }
  | { readonly k: 'help' }
  /** A glossary term's card, by the term. */
  | { readonly k: 'term'; readonly term: string };

/** The layers of a pattern card: the short first view, and what its buttons open. */
export type PatternView = 'card' | 'more' | 'diagram' | 'compare-with';

export type Action =
  /** Show a pattern's card to whoever clicked (related, did-you-mean and list buttons). */
  | { readonly type: 'show'; readonly slug: string }
  /** Show one layer of a pattern card (More, Diagram, Compare with…) to whoever clicked. */
  | { readonly type: 'view'; readonly slug: string; readonly view: PatternView }
  /** Show the comparison of two patterns to whoever clicked. */
  | { readonly type: 'compare'; readonly slugs: readonly [string, string] }
  /** Post the card the ref rebuilds to the channel, under the clicker's name. */
  | { readonly type: 'share'; readonly ref: AnswerRef }
  /** A review answer: how the clicker recalled a pattern shown in the review DM of `date`. */
  | { readonly type: 'review'; readonly slug: string; readonly date: string; readonly grade: ReviewGrade }
  | QuizAction;

/**
 * A quiz button. A question is named by its pattern's slug and the short hash of its content (a
 * changed question no longer matches); `round` names one posting of it, so each person answers a
 * posting once and a question can come back another day.
 */
export type QuizAction =
  /** Answer a question with option `option` (0-based). */
  | {
      readonly type: 'quiz';
      readonly slug: string;
      readonly hash: string;
      readonly option: number;
      readonly round: string;
    }
  /** Post the question to the channel so anyone there can answer. */
  | { readonly type: 'quiz-post'; readonly slug: string; readonly hash: string; readonly round: string };

const SOURCES = { l: 'lookup', r: 'random', t: 'today' } as const;
const SOURCE_CODES = { lookup: 'l', random: 'r', today: 't' } as const;
const REASONS = { m: 'no-match', c: 'no-category', t: 'compare-needs-two' } as const;
const REASON_CODES = { 'no-match': 'm', 'no-category': 'c', 'compare-needs-two': 't' } as const;

const slug = z.string().min(1).max(80);
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const refSchema = z.union([
  z.tuple([z.literal('p'), slug, z.enum(['l', 'r', 't'])]).rest(date),
  z.tuple([z.literal('c'), slug, slug]),
  z.tuple([z.literal('l')]),
  z.tuple([z.literal('g'), z.string().min(1).max(80)]),
  z.tuple([z.literal('n'), z.string().max(80), z.enum(['m', 'c', 't'])]).rest(slug),
  z.tuple([z.literal('h')]),
  z.tuple([z.literal('t'), z.string().min(1).max(40)]),
]);
const QUIZ_HASH = z.string().regex(/^[0-9a-z]{1,8}$/);
const QUIZ_ROUND = z.string().regex(/^[0-9a-z]{1,12}$/);
const VIEWS = { c: 'card', m: 'more', d: 'diagram', w: 'compare-with' } as const;
const VIEW_CODES = { card: 'c', more: 'm', diagram: 'd', 'compare-with': 'w' } as const;
const GRADES = { k: 'knew', n: 'not-yet', s: 'skip' } as const;
const GRADE_CODES = { knew: 'k', 'not-yet': 'n', skip: 's' } as const;
const wireSchema = z.union([
  z.tuple([z.literal('o'), slug]),
  z.tuple([z.literal('r'), slug, date, z.enum(['k', 'n', 's'])]),
  z.tuple([z.literal('v'), slug, z.enum(['c', 'm', 'd', 'w'])]),
  z.tuple([z.literal('x'), slug, slug]),
  z.tuple([z.literal('s')]).rest(z.unknown()),
  z.tuple([z.literal('q'), slug, QUIZ_HASH, z.number().int().min(0).max(3), QUIZ_ROUND]),
  z.tuple([z.literal('qp'), slug, QUIZ_HASH, QUIZ_ROUND]),
]);

type RefWire = z.infer<typeof refSchema>;

function refToWire(ref: AnswerRef): RefWire {
  switch (ref.k) {
    case 'pattern':
      return ref.date
        ? ['p', ref.slug, SOURCE_CODES[ref.source], ref.date]
        : ['p', ref.slug, SOURCE_CODES[ref.source]];
    case 'compare':
      return ['c', ref.slugs[0], ref.slugs[1]];
    case 'list':
      return ['l'];
    case 'category':
      return ['g', ref.category];
    case 'none':
      return ['n', ref.query, REASON_CODES[ref.reason], ...ref.suggestions];
    case 'help':
      return ['h'];
    case 'term':
      return ['t', ref.term];
  }
}

function wireToRef(wire: RefWire): AnswerRef {
  switch (wire[0]) {
    case 'p': {
      const [, s, source, d] = wire;
      return { k: 'pattern', slug: s, source: SOURCES[source], ...(d ? { date: d } : {}) };
    }
    case 'c':
      return { k: 'compare', slugs: [wire[1], wire[2]] };
    case 'l':
      return { k: 'list' };
    case 'g':
      return { k: 'category', category: wire[1] };
    case 'n': {
      const [, query, reason, ...suggestions] = wire;
      return { k: 'none', query, reason: REASONS[reason], suggestions };
    }
    case 'h':
      return { k: 'help' };
    case 't':
      return { k: 'term', term: wire[1] };
  }
}

function actionToWire(action: Action): unknown[] {
  switch (action.type) {
    case 'show':
      return ['o', action.slug];
    case 'view':
      return ['v', action.slug, VIEW_CODES[action.view]];
    case 'compare':
      return ['x', action.slugs[0], action.slugs[1]];
    case 'share':
      return ['s', ...refToWire(action.ref)];
    case 'quiz':
      return ['q', action.slug, action.hash, action.option, action.round];
    case 'quiz-post':
      return ['qp', action.slug, action.hash, action.round];
    case 'review':
      return ['r', action.slug, action.date, GRADE_CODES[action.grade]];
  }
}

/** The encoded action, or undefined when it would not fit in 100 characters. */
export function encodeAction(action: Action): string | undefined {
  const wire = actionToWire(action);
  const encoded = ACTION_PREFIX + JSON.stringify(wire);
  return encoded.length <= MAX_ACTION_LENGTH ? encoded : undefined;
}

/** Buttons of the release before this codec: `pattern:show:<slug>` (Discord), `open_pattern:<slug>` (Slack). */
const LEGACY_SHOW = /^(?:pattern:(?:show|share):|open_pattern:)([a-z0-9][a-z0-9-]{0,79})$/;

/** The action a button carries, or undefined when it is not one of ours. Never throws. */
export function decodeAction(value: unknown): Action | undefined {
  if (typeof value !== 'string' || value.length > MAX_ACTION_LENGTH) return undefined;
  const legacy = LEGACY_SHOW.exec(value);
  if (legacy?.[1]) return { type: 'show', slug: legacy[1] };
  if (!value.startsWith(ACTION_PREFIX)) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(value.slice(ACTION_PREFIX.length));
  } catch {
    return undefined;
  }
  const wire = wireSchema.safeParse(json);
  if (!wire.success) return undefined;
  const data = wire.data;
  if (data[0] === 'o') return { type: 'show', slug: data[1] };
  if (data[0] === 'v') return { type: 'view', slug: data[1], view: VIEWS[data[2]] };
  if (data[0] === 'x') return { type: 'compare', slugs: [data[1], data[2]] };
  if (data[0] === 'r') return { type: 'review', slug: data[1], date: data[2], grade: GRADES[data[3]] };
  if (data[0] === 'q') return { type: 'quiz', slug: data[1], hash: data[2], option: data[3], round: data[4] };
  if (data[0] === 'qp') return { type: 'quiz-post', slug: data[1], hash: data[2], round: data[3] };
  const ref = refSchema.safeParse(data.slice(1));
  return ref.success ? { type: 'share', ref: wireToRef(ref.data) } : undefined;
}

/** Whether a string looks like one of our encoded actions (for routing a click to the right listener). */
export function isActionLike(value: string): boolean {
  return value.startsWith(ACTION_PREFIX) || LEGACY_SHOW.test(value);
}
