import type { webApi } from '@slack/bolt';
import type { InboundMessage } from './inbound.js';
import { renderCard } from './render-card.js';
import type { SlackDeps } from './slack-deps.js';
import { slackErrorCard, summarizeSlackError } from './slack-error.js';

/** Where a mention or DM came from, beyond the message itself. */
export interface ReplyContext {
  readonly teamId?: string;
  readonly eventId?: string;
}

/**
 * Answers a mention (in its thread) or a DM (in its thread, if it was written in one). When Slack
 * refuses the post, the asker gets a private, fixed explanation if Slack lets us say even that; either
 * way it is logged, and nothing throws.
 */
export async function replyInConversation(
  deps: SlackDeps,
  client: webApi.WebClient,
  message: InboundMessage,
  at: ReplyContext,
): Promise<void> {
  const { channel, user, threadTs, place } = message;
  const card = await deps.conversation.ask({
    text: message.text,
    platform: 'slack',
    channelId: channel,
    userId: user,
    place,
    ...(at.teamId ? { workspaceId: at.teamId } : {}),
    ...(deps.isAdmin
      ? { canManageChannel: () => deps.isAdmin?.(client, user) ?? Promise.resolve(false) }
      : {}),
    canPost: () => deps.canPost(channel),
  });
  const thread = threadTs ? { thread_ts: threadTs } : {};
  try {
    // A card for the asker alone (their quiz record) is shown to them only, where others could see it.
    if (card.private && place !== 'dm') {
      await client.chat.postEphemeral({ channel, user, ...thread, ...renderCard(card, 'public') });
      return;
    }
    await client.chat.postMessage({
      channel,
      ...thread,
      ...renderCard(card, 'public'),
      unfurl_links: false,
      unfurl_media: false,
    });
  } catch (error) {
    const summary = summarizeSlackError(error);
    deps.logger.warn({ ...summary, channel, eventId: at.eventId }, 'could not post the answer');
    try {
      await client.chat.postEphemeral({
        channel,
        user,
        ...thread,
        ...renderCard(slackErrorCard(summary), 'public'),
      });
    } catch (again) {
      deps.logger.error(
        { ...summarizeSlackError(again), channel, eventId: at.eventId },
        'could not tell the asker either',
      );
    }
  }
}
