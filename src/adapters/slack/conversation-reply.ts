import type { webApi } from '@slack/bolt';
import { answerToSlack, type SlackMessage } from './render.js';
import type { SlackDeps } from './slack-deps.js';
import { bugContext } from './slack-deps.js';
import { SORRY, slackErrorMessage, summarizeSlackError } from './slack-error.js';

/** Where a mention or DM came from, and where the reply goes. */
export interface Conversation {
  readonly channel: string;
  readonly user?: string;
  /** Set for mentions in a channel: the reply goes in the thread. */
  readonly threadTs?: string;
  readonly teamId?: string;
  readonly eventId?: string;
}

/** Removes mentions of the bot (`<@U123>` or `<@U123|name>`) from a message. */
export function stripBotMention(text: string, botUserId: string | undefined): string {
  if (!botUserId) return text.trim();
  return text
    .split(new RegExp(`<@${botUserId}(?:\\|[^>]*)?>`, 'g'))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

async function answerFor(deps: SlackDeps, conversation: Conversation, text: string): Promise<SlackMessage> {
  try {
    const answer = await deps.ask(text, {
      platform: 'slack',
      channelId: conversation.channel,
      ...(conversation.user ? { userId: conversation.user } : {}),
      ...(conversation.teamId ? { workspaceId: conversation.teamId } : {}),
    });
    return answerToSlack(answer);
  } catch (error) {
    deps.logger.error({ ...bugContext(error), channel: conversation.channel }, 'answering a message failed');
    return { text: SORRY, blocks: [] };
  }
}

/**
 * Answers a mention (in its thread) or a DM. When Slack refuses the post, the asker gets a private,
 * fixed explanation if Slack lets us say even that; either way it is logged, and nothing throws.
 */
export async function replyInConversation(
  deps: SlackDeps,
  client: webApi.WebClient,
  conversation: Conversation,
  text: string,
): Promise<void> {
  const { channel, user, threadTs, eventId } = conversation;
  const message = await answerFor(deps, conversation, text);
  const thread = threadTs ? { thread_ts: threadTs } : {};
  try {
    await client.chat.postMessage({
      channel,
      ...thread,
      ...message,
      unfurl_links: false,
      unfurl_media: false,
    });
  } catch (error) {
    const summary = summarizeSlackError(error);
    deps.logger.warn({ ...summary, channel, eventId }, 'could not post the answer');
    if (!user) return;
    try {
      await client.chat.postEphemeral({ channel, user, ...thread, text: slackErrorMessage(summary) });
    } catch (again) {
      deps.logger.error(
        { ...summarizeSlackError(again), channel, eventId },
        'could not tell the asker either',
      );
    }
  }
}
