import type { APIApplicationCommandOptionChoice } from 'discord.js';
import type { Completion } from '../../conversation/types.js';
import { DISCORD_LIMITS as L, truncate } from './limits.js';

export type Choice = APIApplicationCommandOptionChoice<string>;

/** The conversation's completions as Discord's choices: at most 25, name and value cut to 100. */
export function completionsToChoices(completions: readonly Completion[]): Choice[] {
  return completions.slice(0, L.autocompleteChoices).map((completion) => ({
    name: truncate(completion.label, L.choiceName) || '…',
    value: completion.value.slice(0, L.choiceValue),
  }));
}
