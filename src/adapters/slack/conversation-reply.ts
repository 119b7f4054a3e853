import type { webApi } from '@slack/bolt';
import type { InboundMessage } from './inbound.js';
import { renderCard } from './render-card.js';
import type { SlackDeps } from './slack-deps.js';
import { uploadCardPicture } from './slack-diagrams.js';
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
    // A card for the asker alone goes to them only, unless the conversation is a DM with the bot already.
    if (card.private && place !== 'dm') {
      await client.chat.postEphemeral({ channel, user, ...thread, ...renderCard(card, 'private') });
      return;
    }
    const posted = await client.chat.postMessage({
      channel,
      ...thread,
      ...renderCard(card, 'public', deps.diagrams?.url),
      unfurl_links: false,
      unfurl_media: false,
    });
    // `diagram saga` without PUBLIC_URL: the picture follows the answer, in its thread.
    const threadOf = threadTs ?? posted.ts;
    await uploadCardPicture(client, deps.diagrams, card, {
      channelId: channel,
      ...(threadOf ? { threadTs: threadOf } : {}),
    }).catch((error: unknown) =>
      deps.logger.warn({ ...summarizeSlackError(error), channel }, 'could not upload a diagram'),
    );
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
