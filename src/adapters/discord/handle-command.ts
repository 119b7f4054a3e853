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
  const ephemeral = interaction.options.getBoolean(PRIVATE_OPTION) ?? false;
  const addressee = interaction.options.getUser(USER_OPTION)?.id;
  const { channelId } = interaction;
  const input: AskInput = {
    text: query,
    platform: 'discord',
    channelId,
    userId: interaction.user.id,
    ...(interaction.guildId ? { workspaceId: interaction.guildId } : {}),
    place: interactionPlace(interaction),
    canManageChannel: async () =>
      interaction.memberPermissions?.has(PermissionFlagsBits.ManageChannels) ?? false,
    canPost: () => deps.canPost(channelId),
  };
  const options = { private: ephemeral, ...(addressee ? { addressee } : {}) };
  const flags = ephemeral ? ({ flags: MessageFlags.Ephemeral } as const) : {};

  const timed = await deps.conversation.askWithin(input, deps.deferAfterMs);
  if ('card' in timed) {
    // The failure card, and a card meant for the asker alone, are private whatever was asked for.
    const alone = timed.card === deps.conversation.failureCard || timed.card.private === true;
    await interaction.reply({
      ...deps.render(timed.card, alone ? { ...options, private: true } : options),
      ...(alone ? { flags: MessageFlags.Ephemeral } : flags),
    });
    return;
  }
  await interaction.deferReply(flags);
  const card = await timed.later;
  if (card.private && !ephemeral) {
    // Deferred in public, but for the asker alone: the public placeholder goes, the card follows privately.
    await interaction.deleteReply();
    await interaction.followUp({
      ...deps.render(card, { ...options, private: true }),
      flags: MessageFlags.Ephemeral,
    });
    return;
  }
  await interaction.editReply(deps.render(card, options));
}
