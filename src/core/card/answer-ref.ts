import { type Answer, assertNever } from '../answer.js';
import type { Bot } from '../bot.js';
import { COMMANDS } from '../commands.js';
import type { AnswerRef } from './action.js';

/** What rebuilds the answer from a button, or undefined for answers that report state (daily, stats). */
export function answerToRef(answer: Answer): AnswerRef | undefined {
  switch (answer.kind) {
    case 'pattern':
      return {
        k: 'pattern',
        slug: answer.pattern.slug,
        source: answer.source,
        ...(answer.date ? { date: answer.date } : {}),
      };
    case 'compare':
      return { k: 'compare', slugs: [answer.patterns[0].slug, answer.patterns[1].slug] };
    case 'list':
      return { k: 'list' };
    case 'category':
      return { k: 'category', category: answer.group.category };
    case 'none':
      return {
        k: 'none',
        query: answer.query,
        reason: answer.reason,
        suggestions: answer.suggestions.map((pattern) => pattern.slug),
      };
    case 'help':
      return { k: 'help' };
    case 'term':
      return { k: 'term', term: answer.term };
    case 'daily':
    case 'stats':
      return undefined;
    default:
      return assertNever(answer);
  }
}

/** The answer a ref describes, from today's catalog; undefined when a pattern it names is gone. */
export function refToAnswer(ref: AnswerRef, bot: Bot): Answer | undefined {
  const bySlug = bot.bySlug;
  switch (ref.k) {
    case 'pattern':
      if (ref.source === 'today' && ref.date) {
        try {
          return bot.todayAnswer(ref.date);
        } catch {
          return undefined;
        }
      }
      return bot.patternAnswer(ref.slug, ref.source);
    case 'compare': {
      const [a, b] = [bySlug(ref.slugs[0]), bySlug(ref.slugs[1])];
      return a && b ? bot.compareAnswer(a, b) : undefined;
    }
    case 'list':
      return { kind: 'list', groups: bot.groups() };
    case 'category': {
      const group = bot.groups().find((g) => g.category === ref.category);
      return group && { kind: 'category', group };
    }
    case 'none':
      return {
        kind: 'none',
        query: ref.query,
        reason: ref.reason,
        suggestions: ref.suggestions.flatMap((slug) => bySlug(slug) ?? []),
      };
    case 'help':
      return { kind: 'help', commands: COMMANDS };
    case 'term': {
      const answer = bot.answer(ref.term);
      return answer.kind === 'term' ? answer : undefined;
    }
    default:
      return assertNever(ref);
  }
}
