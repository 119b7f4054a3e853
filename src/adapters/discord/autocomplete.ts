import type { APIApplicationCommandOptionChoice } from 'discord.js';
import { LRUCache } from 'lru-cache';
import type { Bot } from '../../core/bot.js';
import { COMMANDS } from '../../core/commands.js';
import type { Pattern } from '../../core/pattern.js';
import { REPLY_CACHE_SIZE } from '../../reply-cache.js';
import { DISCORD_LIMITS as L, truncate } from './limits.js';

export type Choice = APIApplicationCommandOptionChoice<string>;

/** Commands that take words after them (`compare a b`, `category data`...): offered back as typed. */
const TAKES_ARGUMENTS = new Set<string>(
  COMMANDS.filter((command) => command.usage.startsWith(`${command.name} `)).map((command) => command.name),
);

function choice(name: string, value: string): Choice {
  return { name: truncate(name, L.choiceName), value: value.slice(0, L.choiceValue) };
}

const patternChoice = (pattern: Pattern) => choice(`${pattern.code} ${pattern.name}`, pattern.slug);

/**
 * Up to 25 choices for what is typed so far: the best-ranked patterns first, then the command words
 * that start with it (a command typed in full comes first). Nothing here does I/O: it answers in well under a millisecond.
 */
export function autocompleteChoices(bot: Bot, typed: string): Choice[] {
  const text = typed.trim().replace(/\s+/g, ' ').slice(0, L.choiceValue);
  const lower = text.toLowerCase();
  const first = lower.split(' ')[0] ?? '';
  const choices: Choice[] = [];

  if (TAKES_ARGUMENTS.has(first) && lower.length > first.length) {
    choices.push(choice(text, text));
    if (first === 'category') {
      const wanted = lower.slice(first.length + 1);
      for (const group of bot.groups()) {
        if (group.category.toLowerCase().includes(wanted)) {
          choices.push(choice(`category ${group.category}`, `category ${group.category}`));
        }
      }
    }
    return choices.slice(0, L.autocompleteChoices);
  }

  const exact = COMMANDS.find((command) => command.name === lower && command.name !== 'lookup');
  if (exact) choices.push(choice(`${exact.usage}: ${exact.summary}`, exact.name));
  const patterns =
    text === '' ? bot.patterns : bot.search(text, L.autocompleteChoices).map((hit) => hit.pattern);
  choices.push(...patterns.map(patternChoice));
  for (const command of COMMANDS) {
    if (command.name === 'lookup') continue;
    if (command.name.startsWith(first) || text === '') {
      choices.push(choice(`${command.usage}: ${command.summary}`, command.name));
    }
  }
  const seen = new Set<string>();
  return choices.filter((c) => !seen.has(c.value) && seen.add(c.value)).slice(0, L.autocompleteChoices);
}

/**
 * `autocompleteChoices` for one bot, remembering the last `max` texts: people type the same
 * prefixes ("s", "sa", "sag"), and each keystroke is an interaction. The arrays are shared: read only.
 */
export function cachedAutocomplete(bot: Bot, max = REPLY_CACHE_SIZE): (typed: string) => Choice[] {
  if (max <= 0) return (typed) => autocompleteChoices(bot, typed);
  const known = new LRUCache<string, Choice[]>({
    max,
    memoMethod: (typed) => autocompleteChoices(bot, typed),
  });
  return (typed) => known.memo(typed);
}
