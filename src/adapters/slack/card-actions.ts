import type { RespondFn } from '@slack/bolt';
import { cardKeyToAnswer } from './card-key.js';
import { answerToSlack } from './render.js';
import type { SlackDeps } from './slack-deps.js';
import { slackErrorMessage, summarizeSlackError } from './slack-error.js';

export const CARD_EXPIRED = 'That card can no longer be opened. Ask again with `/pattern`.';

/** Tells the clicker, privately, that something failed; logs if even that fails. */
async function apologize(deps: SlackDeps, respond: RespondFn, error: unknown, what: string): Promise<void> {
  const summary = summarizeSlackError(error);
  deps.logger.warn(summary, `${what} failed`);
  try {
    await respond({ response_type: 'ephemeral', replace_original: false, text: slackErrorMessage(summary) });
  } catch (again) {
    deps.logger.error(summarizeSlackError(again), `${what}: could not tell the user`);
  }
}

/**
 * "Share in channel": posts the card the button's value describes publicly, under the sharer's name,
 * through the response_url (which works in channels the bot has not joined), then removes the
 * private copy.
 */
export async function shareCard(
  deps: SlackDeps,
  input: { readonly value: string; readonly userId: string; readonly respond: RespondFn },
): Promise<void> {
  const answer = cardKeyToAnswer(input.value, deps.bot);
  try {
    if (!answer) {
      await input.respond({ response_type: 'ephemeral', replace_original: false, text: CARD_EXPIRED });
      return;
    }
    await input.respond({
      response_type: 'in_channel',
      replace_original: false,
      ...answerToSlack(answer, { sharedBy: input.userId }),
    });
  } catch (error) {
    await apologize(deps, input.respond, error, 'share');
    return;
  }
  try {
    await input.respond({ delete_original: true });
  } catch (error) {
    // The card is shared; a private copy left behind is not worth an apology.
    deps.logger.warn(summarizeSlackError(error), 'share: could not remove the private copy');
  }
}

/**
 * A related-pattern or "did you mean" button: on the asker's private card it opens the pattern in
 * place; on a public card it answers the clicker privately, leaving the shared card alone.
 */
export async function openPattern(
  deps: SlackDeps,
  input: { readonly slug: string; readonly inPlace: boolean; readonly respond: RespondFn },
): Promise<void> {
  const answer = deps.bot.patternAnswer(input.slug);
  try {
    if (!answer) {
      await input.respond({ response_type: 'ephemeral', replace_original: false, text: CARD_EXPIRED });
      return;
    }
    const message = answerToSlack(answer, { shareable: true });
    await input.respond(
      input.inPlace
        ? { replace_original: true, ...message }
        : { response_type: 'ephemeral', replace_original: false, ...message },
    );
  } catch (error) {
    await apologize(deps, input.respond, error, 'open pattern');
  }
}
