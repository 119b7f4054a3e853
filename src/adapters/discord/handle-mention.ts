import { type Message, PermissionFlagsBits } from 'discord.js';
import { problemCard } from '../../core/card/problem-card.js';
import type { HandlerDeps } from './handler-deps.js';
import { messagePlace } from './place.js';

/**
 * The question in a message, or undefined when the message is not for the bot. A message is for the
 * bot in a DM, when it mentions the bot user directly, or when it replies to the bot. `@everyone`,
 * `@here` and role pings are not questions (although `message.mentions.has(bot)` says yes to them).
 * An empty direct mention asks for help.
 */
export function mentionQuestion(message: Message, botId: string): string | undefined {
  // A message without an author (a shape discord.js lets through) cannot be a question.
  if (!message.author || message.author.bot || message.webhookId || message.system) return undefined;
  const direct = message.mentions.users.has(botId);
  const replyToBot = message.mentions.repliedUser?.id === botId;
  const dm = !message.inGuild();
  if (!dm && !direct && !replyToBot) return undefined;
  const text = message.content
    .replaceAll(new RegExp(`<@!?${botId}>`, 'g'), ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (text !== '') return text;
  // Without the MessageContent intent a reply that does not ping the bot arrives empty: nothing to answer.
  return direct || dm ? 'help' : undefined;
}

const ASK_PRIVATELY = problemCard('ask-privately');

function canManageChannel(message: Message): boolean {
  try {
    return message.member?.permissionsIn(message.channelId).has(PermissionFlagsBits.ManageChannels) ?? false;
  } catch {
    return false; // roles or channel not cached: the safe answer
  }
}

/** A mention, a reply to the bot or a DM: answers with a reply to that message. */
export async function handleMention(message: Message, botId: string, deps: HandlerDeps): Promise<void> {
  const question = mentionQuestion(message, botId);
  if (question === undefined) return;
  const { channelId } = message;
  const card = await deps.conversation.ask({
    text: question,
    platform: 'discord',
    channelId,
    userId: message.author.id,
    ...(message.guildId ? { workspaceId: message.guildId } : {}),
    place: messagePlace(message),
    canManageChannel: async () => canManageChannel(message),
    canPost: () => deps.canPost(channelId),
  });
  // A reply in a guild channel is public: a card for the asker alone is not shown there.
  const shown = card.private && message.inGuild() ? ASK_PRIVATELY : card;
  await message.reply(deps.render(shown, { repliedUser: true }));
}
