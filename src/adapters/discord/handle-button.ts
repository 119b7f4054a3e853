import { type ButtonInteraction, MessageFlags } from 'discord.js';
import type { HandlerDeps } from './handler-deps.js';

/**
 * A button: its custom_id is the core's encoded action, and the conversation says what it means.
 * `show`: the card privately to whoever clicked, with its Share button; `share`: the card in the
 * channel (it already says who shared it); `notice`: a short private answer (a button of an older
 * release, a pattern gone), never silence.
 */
export async function handleButton(interaction: ButtonInteraction, deps: HandlerDeps): Promise<void> {
  const result = await deps.conversation.act(interaction.customId, {
    platform: 'discord',
    userId: interaction.user.id,
    channelId: interaction.channelId,
    ...(interaction.guildId ? { workspaceId: interaction.guildId } : {}),
  });
  switch (result.type) {
    case 'show':
      await interaction.reply({
        ...deps.render(result.card, { private: true }),
        flags: MessageFlags.Ephemeral,
      });
      return;
    case 'share':
      await interaction.reply(deps.render(result.card));
      return;
    case 'notice':
      deps.logger.info({ customId: interaction.customId.slice(0, 100) }, 'button answered with a notice');
      await interaction.reply({ ...deps.render(result.card), flags: MessageFlags.Ephemeral });
      return;
  }
}
