import { type ChatInputCommandInteraction, MessageFlags, PermissionFlagsBits } from 'discord.js';
import type { AskInput } from '../../conversation/types.js';
import { problemCard } from '../../core/card/problem-card.js';
import { COMMAND_NAME } from '../../core/commands.js';
import { PRIVATE_OPTION, QUERY_OPTION, USER_OPTION } from './commands.js';
import type { HandlerDeps } from './handler-deps.js';
import { interactionPlace } from './place.js';

const UNKNOWN_COMMAND = problemCard('unknown-command');

/**
 * `/pattern query:<text> [private] [user]`: asks the conversation within the defer budget, then
 * replies at once, or defers and edits the reply in when the card takes longer.
 */
export async function handleCommand(
  interaction: ChatInputCommandInteraction,
  deps: HandlerDeps,
): Promise<void> {
  if (interaction.commandName !== COMMAND_NAME) {
    deps.logger.warn({ commandName: interaction.commandName.slice(0, 100) }, 'unknown command');
    await interaction.reply({
      ...deps.render(UNKNOWN_COMMAND, { private: true }),
      flags: MessageFlags.Ephemeral,
    });
    return;
  }
  // A command registered by an older release may lack an option: treat it as not given.
  const query = interaction.options.getString(QUERY_OPTION) ?? '';
  // `stats` is for the asker alone, whatever they asked for: known from the text, so a deferral is private too.
  const ephemeral =
    (interaction.options.getBoolean(PRIVATE_OPTION) ?? false) || deps.conversation.isPrivate(query);
  const addressee = interaction.options.getUser(USER_OPTION)?.id;
  const { channelId } = interaction;
  const input: AskInput = {
    text: query,
    platform: 'discord',
    channelId,
    userId: interaction.user.id,
    ...(interaction.guildId ? { workspaceId: interaction.guildId } : {}),
    place: interactionPlace(interaction),
    surface: 'slash',
    canManageChannel: async () =>
      interaction.memberPermissions?.has(PermissionFlagsBits.ManageChannels) ?? false,
    canPost: () => deps.canPost(channelId),
  };
  const options = { private: ephemeral, ...(addressee ? { addressee } : {}) };
  const flags = ephemeral ? ({ flags: MessageFlags.Ephemeral } as const) : {};

  const timed = await deps.conversation.askWithin(input, deps.deferAfterMs);
  if ('card' in timed) {
    // The failure card (and a private card) is for the asker alone, whatever they asked for.
    const alone = timed.card === deps.conversation.failureCard || timed.card.private === true;
    await interaction.reply({
      ...deps.render(timed.card, options),
      ...(alone ? { flags: MessageFlags.Ephemeral } : flags),
    });
    return;
  }
  await interaction.deferReply(flags);
  await interaction.editReply(deps.render(await timed.later, options));
}
