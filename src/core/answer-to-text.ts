import { type Answer, assertNever, type CategoryGroup } from './answer.js';
import type { Pattern } from './pattern.js';

export const NONE_REASON_TEXT = {
  'no-match': 'No pattern matches',
  'no-category': 'No category matches',
  'compare-needs-two': 'To compare, name two different patterns, for example "compare cqrs event sourcing"',
} as const;

function line(pattern: Pattern): string {
  return `${pattern.code} ${pattern.name}`;
}

function names(patterns: readonly Pattern[]): string {
  return patterns.map((pattern) => pattern.name).join(', ');
}

function group(g: CategoryGroup): string[] {
  return [`${g.category}:`, ...g.patterns.map((pattern) => `  ${line(pattern)}`)];
}

export function patternToText(pattern: Pattern): string[] {
  return [`${pattern.name} (${pattern.code}, ${pattern.category})`, pattern.description];
}

/** The plain-text form of an answer: Slack's `text` fallback, the console, and logs. */
export function answerToText(answer: Answer): string {
  switch (answer.kind) {
    case 'pattern': {
      const heading =
        answer.source === 'today' ? [`Pattern of the day${answer.date ? ` (${answer.date})` : ''}`] : [];
      const lines = [...heading, ...patternToText(answer.pattern)];
      if (answer.related.length > 0) lines.push(`Related: ${names(answer.related)}`);
      if (answer.alternatives.length > 0) lines.push(`Did you mean: ${names(answer.alternatives)}?`);
      return lines.join('\n');
    }
    case 'compare': {
      const [a, b] = answer.patterns;
      const sides = [a, b].map((p) => patternToText(p).join('\n'));
      const shared =
        a.category === b.category ? `Both are ${a.category}s.` : `${a.category} vs ${b.category}.`;
      return [`${a.name} vs ${b.name}`, shared, '', sides[0], '', sides[1]].join('\n');
    }
    case 'list':
      return ['All patterns, by category:', ...answer.groups.flatMap(group)].join('\n');
    case 'category':
      return group(answer.group).join('\n');
    case 'none': {
      const lines = [
        answer.reason === 'compare-needs-two'
          ? `${NONE_REASON_TEXT[answer.reason]}.`
          : `${NONE_REASON_TEXT[answer.reason]} "${answer.query}".`,
      ];
      if (answer.suggestions.length > 0) lines.push(`Did you mean: ${names(answer.suggestions)}?`);
      lines.push('Try "list" to see every pattern, or "help".');
      return lines.join('\n');
    }
    case 'help':
      return [
        'Ask about a distributed-system architecture pattern:',
        ...answer.commands.map((command) => `  ${command.usage.padEnd(30)} ${command.summary}`),
        `Examples: ${answer.commands.flatMap((command) => command.examples.slice(0, 1)).join(' · ')}`,
      ].join('\n');
    case 'notice':
      return [answer.title, ...answer.lines].join('\n');
    default:
      return assertNever(answer);
  }
}
