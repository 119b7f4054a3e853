import type { RespondFn, webApi } from '@slack/bolt';
import type { AskInput } from '../../conversation/types.js';
import type { SlackMessage } from './card-to-block-kit.js';
import { renderCard } from './render-card.js';
import type { SlackDeps } from './slack-deps.js';
import { summarizeSlackError } from './slack-error.js';

/** Slack waits 3 s for the ack; past this, the ack carries the working card and the answer follows. */
export const ACK_BUDGET_MS = 2500;

export interface EphemeralReply extends SlackMessage {
  readonly response_type: 'ephemeral';
}

const ephemeral = (message: SlackMessage): EphemeralReply => ({ response_type: 'ephemeral', ...message });

/** The conversation's input for a slash command, with its costly context as lazy callbacks. */
export function commandInput(
  deps: SlackDeps,
  client: webApi.WebClient,
  input: Omit<AskInput, 'platform' | 'canManageChannel' | 'canPost'> & {
    readonly channelId: string;
    readonly userId: string;
  },
): AskInput {
  const { isAdmin } = deps;
  return {
    ...input,
    platform: 'slack',
    surface: 'slash',
    ...(isAdmin ? { canManageChannel: () => isAdmin(client, input.userId) } : {}),
    canPost: () => deps.canPost(input.channelId),
  };
}

/**
 * `/pattern <text>`: the answer goes back in the ack itself (no Web API call, inside Slack's 3 s),
 * visible to the asker only, with a Share button. A slower answer is acked with the working card and
 * then replaces it through the response_url.
 */
export async function ackPatternCommand(
  deps: SlackDeps,
  input: AskInput,
  ack: (reply: EphemeralReply) => Promise<void>,
  respond: RespondFn,
): Promise<void> {
  const timed = await deps.conversation.askWithin(input, deps.ackBudgetMs ?? ACK_BUDGET_MS);
  if ('card' in timed) {
    await ack(ephemeral(renderCard(timed.card, 'private', deps.diagrams?.url)));
    return;
  }
  await ack(ephemeral(renderCard(deps.conversation.workingCard, 'private')));
  try {
    const card = await timed.later;
    await respond({ replace_original: true, ...ephemeral(renderCard(card, 'private', deps.diagrams?.url)) });
  } catch (error) {
    deps.logger.warn({ ...summarizeSlackError(error), channel: input.channelId }, 'late answer failed');
  }
}
