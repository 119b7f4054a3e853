import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  type RESTPostAPIApplicationCommandsJSONBody,
} from 'discord.js';
import { COMMAND_DESCRIPTION, COMMAND_NAME, COMMANDS } from '../../core/commands.js';
import { truncate } from './limits.js';

/** Discord caps option descriptions at 100 characters. */
const OPTION_DESCRIPTION_MAX = 100;

export const QUERY_OPTION = 'query';
export const PRIVATE_OPTION = 'private';
export const USER_OPTION = 'user';

/** The `/pattern` command as Discord registers it, generated from the core's command list. */
export const PATTERN_COMMAND = {
  type: ApplicationCommandType.ChatInput,
  name: COMMAND_NAME,
  description: COMMAND_DESCRIPTION,
  options: [
    {
      type: ApplicationCommandOptionType.String,
      name: QUERY_OPTION,
      description: truncate(
        `A pattern (${COMMANDS[0].examples[0]}) or: ${COMMANDS.slice(1)
          .map((command) => command.name)
          .join(', ')}`,
        OPTION_DESCRIPTION_MAX,
      ),
      required: true,
      autocomplete: true,
    },
    {
      type: ApplicationCommandOptionType.Boolean,
      name: PRIVATE_OPTION,
      description: 'Only you see the answer (default: everyone in the channel)',
      required: false,
    },
    {
      type: ApplicationCommandOptionType.User,
      name: USER_OPTION,
      description: 'Address the answer to someone',
      required: false,
    },
  ],
} as const satisfies RESTPostAPIApplicationCommandsJSONBody;

/** Everything `discord:register` puts. */
export const DISCORD_COMMANDS = [
  PATTERN_COMMAND,
] as const satisfies readonly RESTPostAPIApplicationCommandsJSONBody[];
