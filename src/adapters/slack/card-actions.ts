import type { RespondFn, webApi } from '@slack/bolt';
import type { ActResult } from '../../conversation/types.js';
import { renderCard } from './render-card.js';
import type { SlackDeps } from './slack-deps.js';
import { uploadCardPicture } from './slack-diagrams.js';
import { slackErrorCard, summarizeSlackError } from './slack-error.js';

/** Where a click happened: on a message (with its response_url) or in the Home tab (without). */
export type ClickPlace =
  | { readonly kind: 'message'; readonly respond: RespondFn; readonly ephemeral: boolean }
  | { readonly kind: 'home' };

export interface Click {
  /** What the button carries: its encoded action (or a legacy action_id). */
  readonly value: string;
  readonly userId: string;
  readonly channelId?: string;
  /** The team the click came from (a review answer and a quiz answer are that workspace's). */
  readonly workspaceId?: string;
  readonly place: ClickPlace;
}

/** Tells the clicker, privately, that something failed; logs if even that fails. */
async function apologize(deps: SlackDeps, respond: RespondFn, error: unknown, what: string): Promise<void> {
  const summary = summarizeSlackError(error);
  deps.logger.warn(summary, `${what} failed`);
  try {
    await respond({
      response_type: 'ephemeral',
      replace_original: false,
      ...renderCard(slackErrorCard(summary), 'public'),
    });
  } catch (again) {
    deps.logger.error(summarizeSlackError(again), `${what}: could not tell the user`);
  }
}

/**
 * "Share in channel": posts the card publicly, through the response_url (which works in channels the
 * bot has not joined), then removes the private copy.
 */
async function share(deps: SlackDeps, respond: RespondFn, result: ActResult): Promise<void> {
  try {
    await respond({
      response_type: 'in_channel',
      replace_original: false,
      ...renderCard(result.card, 'public', deps.diagrams?.url),
    });
  } catch (error) {
    await apologize(deps, respond, error, 'share');
    return;
  }
  try {
    await respond({ delete_original: true });
  } catch (error) {
    // The card is shared; a private copy left behind is not worth an apology.
    deps.logger.warn(summarizeSlackError(error), 'share: could not remove the private copy');
  }
}

/**
 * What a click shows, where: on the asker's private card, `show` replaces it in place; on a public
 * card it answers the clicker privately, leaving the shared card alone; `share` posts in the channel;
 * `notice` answers privately. A Home tab click has no response_url: the card goes to the clicker's DM
 * with the app (chat.postMessage to the user ID), where it can be read and clicked again.
 */
export async function handleClick(deps: SlackDeps, client: webApi.WebClient, click: Click): Promise<void> {
  const result = await deps.conversation.act(click.value, {
    platform: 'slack',
    userId: click.userId,
    ...(click.channelId ? { channelId: click.channelId } : {}),
    ...(click.workspaceId ? { workspaceId: click.workspaceId } : {}),
  });
  const { place } = click;
  const imageUrl = deps.diagrams?.url;
  if (place.kind === 'home') {
    try {
      const posted = await client.chat.postMessage({
        channel: click.userId,
        ...renderCard(result.card, 'private', imageUrl),
        unfurl_links: false,
        unfurl_media: false,
      });
      if (posted.channel) await uploadPicture(deps, client, result.card, posted.channel);
    } catch (error) {
      deps.logger.warn(
        { ...summarizeSlackError(error), user: click.userId },
        'home click: could not open the card',
      );
    }
    return;
  }
  if (result.type === 'share') {
    await share(deps, place.respond, result);
    return;
  }
  const message = renderCard(result.card, 'private', imageUrl);
  try {
    await place.respond(
      result.type === 'show' && place.ephemeral
        ? { replace_original: true, ...message }
        : { response_type: 'ephemeral', replace_original: false, ...message },
    );
  } catch (error) {
    await apologize(deps, place.respond, error, result.type === 'show' ? 'open pattern' : 'notice');
    return;
  }
  if (click.channelId) await uploadPicture(deps, client, result.card, click.channelId);
}

/** Uploads the card's picture (without PUBLIC_URL); a failure is logged, the card already shows its text. */
async function uploadPicture(
  deps: SlackDeps,
  client: webApi.WebClient,
  card: ActResult['card'],
  channelId: string,
): Promise<void> {
  try {
    await uploadCardPicture(client, deps.diagrams, card, { channelId });
  } catch (error) {
    deps.logger.warn({ ...summarizeSlackError(error), channelId }, 'could not upload a diagram');
  }
}
