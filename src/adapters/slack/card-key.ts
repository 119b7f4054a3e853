import { z } from 'zod';
import { type Answer, assertNever } from '../../core/answer.js';
import type { Bot } from '../../core/bot.js';
import { COMMANDS } from '../../core/commands.js';
import type { Pattern } from '../../core/pattern.js';
import { SLACK_MAX_BUTTON_VALUE } from './limits.js';

/**
 * What rebuilds a card, small enough for a button's `value`: a click on an ephemeral message carries
 * no copy of it, and re-asking the query would not do (`random` picks again, `today` moves at midnight).
 */
const cardKeySchema = z.discriminatedUnion('k', [
  z.object({
    k: z.literal('p'),
    s: z.string(),
    o: z.enum(['lookup', 'random', 'today']),
    a: z.array(z.string()).optional(),
    d: z.string().optional(),
  }),
  z.object({ k: z.literal('c'), s: z.tuple([z.string(), z.string()]) }),
  z.object({ k: z.literal('l') }),
  z.object({ k: z.literal('g'), c: z.string() }),
  z.object({
    k: z.literal('n'),
    q: z.string(),
    r: z.enum(['no-match', 'no-category', 'compare-needs-two']),
    s: z.array(z.string()),
  }),
  z.object({ k: z.literal('h') }),
]);

type CardKey = z.infer<typeof cardKeySchema>;

const slugs = (patterns: readonly Pattern[]) => patterns.map((pattern) => pattern.slug);

function answerToKey(answer: Answer): CardKey | undefined {
  switch (answer.kind) {
    case 'pattern':
      return {
        k: 'p',
        s: answer.pattern.slug,
        o: answer.source,
        ...(answer.alternatives.length > 0 ? { a: slugs(answer.alternatives) } : {}),
        ...(answer.date ? { d: answer.date } : {}),
      };
    case 'compare':
      return { k: 'c', s: [answer.patterns[0].slug, answer.patterns[1].slug] };
    case 'list':
      return { k: 'l' };
    case 'category':
      return { k: 'g', c: answer.group.category };
    case 'none':
      return { k: 'n', q: answer.query, r: answer.reason, s: slugs(answer.suggestions) };
    case 'help':
      return { k: 'h' };
    case 'notice':
      return undefined;
    default:
      return assertNever(answer);
  }
}

/** The button value that rebuilds this card, or undefined when it cannot be shared. */
export function answerToCardKey(answer: Answer): string | undefined {
  const key = answerToKey(answer);
  const value = key && JSON.stringify(key);
  return value && value.length <= SLACK_MAX_BUTTON_VALUE ? value : undefined;
}

function parseKey(value: string): CardKey | undefined {
  try {
    const parsed = cardKeySchema.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Rebuilds the card a button value describes; undefined when the value is not one of ours. */
export function cardKeyToAnswer(value: string, bot: Bot): Answer | undefined {
  const key = parseKey(value);
  if (!key) return undefined;
  const bySlug = (slug: string) => bot.patterns.find((pattern) => pattern.slug === slug);
  const all = (list: readonly string[]) => list.flatMap((slug) => bySlug(slug) ?? []);
  switch (key.k) {
    case 'p': {
      if (key.o === 'today' && key.d) {
        try {
          return bot.todayAnswer(key.d);
        } catch {
          return undefined;
        }
      }
      const card = bot.patternAnswer(key.s, key.o);
      return card && { ...card, alternatives: all(key.a ?? []) };
    }
    case 'c': {
      const [a, b] = [bySlug(key.s[0]), bySlug(key.s[1])];
      return a && b ? { kind: 'compare', patterns: [a, b] } : undefined;
    }
    case 'l':
      return { kind: 'list', groups: bot.groups() };
    case 'g': {
      const group = bot.groups().find((g) => g.category === key.c);
      return group && { kind: 'category', group };
    }
    case 'n':
      return { kind: 'none', query: key.q, reason: key.r, suggestions: all(key.s) };
    case 'h':
      return { kind: 'help', commands: COMMANDS };
    default:
      return assertNever(key);
  }
}
