/**
 * The commands people can type after `/pattern`, declared once. Help, the Discord command
 * definition and the Slack app manifest are all generated from this list.
 */
export interface Command {
  readonly name: string;
  readonly usage: string;
  readonly summary: string;
  readonly examples: readonly string[];
}

export const COMMAND_NAME = 'pattern';
export const COMMAND_DESCRIPTION = 'Look up a distributed-system architecture pattern';
export const COMMAND_USAGE_HINT =
  'saga | compare cqrs event sourcing | list | category data | random | today | help';

export const COMMANDS = [
  {
    name: 'lookup',
    usage: '<pattern or question>',
    summary: 'Show a pattern: by name, slug, code, abbreviation or a question. Typos are fine.',
    examples: ['saga', 'circuit braker', '06', "what's a sidecar?"],
  },
  {
    name: 'more',
    usage: 'more <pattern> | diagram <pattern>',
    summary: 'How a pattern works, an example, how it relates, further reading; or its diagram.',
    examples: ['more saga', 'diagram outbox'],
  },
  {
    name: 'compare',
    usage: 'compare <pattern> <pattern>',
    summary: 'Put two patterns side by side.',
    examples: ['compare cqrs event sourcing', 'event-driven vs soa'],
  },
  { name: 'list', usage: 'list', summary: 'Every pattern, grouped by category.', examples: ['list'] },
  {
    name: 'category',
    usage: 'category <name>',
    summary: 'The patterns of one category.',
    examples: ['category data', 'category fault tolerance'],
  },
  { name: 'random', usage: 'random', summary: 'A pattern picked at random.', examples: ['random'] },
  { name: 'today', usage: 'today', summary: 'The pattern of the day.', examples: ['today'] },
  {
    name: 'daily',
    usage: 'daily [on [HH:MM] [time zone] [days] [thread] | off]',
    summary: 'Post the pattern of the day in this channel (status, on, off). Default 09:00 every day.',
    examples: ['daily on 09:30 Europe/Berlin weekdays', 'daily on thread', 'daily off', 'daily'],
  },
  {
    name: 'stats',
    usage: 'stats',
    summary: 'For channel managers, privately: the most asked patterns and the questions that found nothing.',
    examples: ['stats'],
  },
  {
    name: 'review',
    usage: 'review [on [days] [at HH:MM] [time zone] | off]',
    summary: 'A short spaced review by DM on the days you choose (status, on, off). Off deletes your data.',
    examples: ['review on weekdays at 09:00 Europe/Berlin', 'review off', 'review'],
  },
  {
    name: 'quiz',
    usage: 'quiz [pattern | category] | quiz stats | quiz top',
    summary: 'A scenario question to answer; your score and streak; the channel leaderboard.',
    examples: ['quiz', 'quiz saga', 'quiz data', 'quiz stats', 'quiz top'],
  },
  { name: 'help', usage: 'help', summary: 'This help.', examples: ['help'] },
] as const satisfies readonly Command[];

export type CommandName = (typeof COMMANDS)[number]['name'];
