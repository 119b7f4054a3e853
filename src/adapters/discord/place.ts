import { type BaseInteraction, ChannelType, InteractionContextType, type Message } from 'discord.js';
import type { AskInput } from '../../conversation/types.js';

type Place = NonNullable<AskInput['place']>;

/** Where an interaction was used: a DM with the bot, another private channel, or a guild channel. */
export function interactionPlace(interaction: BaseInteraction): Place {
  if (interaction.context === InteractionContextType.BotDM) return 'dm';
  if (interaction.context === InteractionContextType.PrivateChannel) return 'group';
  if (interaction.guildId) return 'channel';
  return interaction.channel?.type === ChannelType.GroupDM ? 'group' : 'dm';
}

/** Where a message was written: a DM with the bot, a group DM, or a guild channel. */
export function messagePlace(message: Message): Place {
  if (message.inGuild()) return 'channel';
  return message.channel?.type === ChannelType.GroupDM ? 'group' : 'dm';
}
