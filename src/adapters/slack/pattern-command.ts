import type { RespondFn } from '@slack/bolt';
import { answerToSlack } from './render.js';
import type { SlackDeps } from './slack-deps.js';
import { bugContext } from './slack-deps.js';
import { SORRY, summarizeSlackError } from './slack-error.js';

/** Slack waits 3 s for the ack; past this, the ack says "working on it" and the answer follows. */
export const ACK_BUDGET_MS = 2500;
export const WORKING = 'Working on it…';

/** The promise's value if it settles within `ms`, else undefined (the promise keeps running). */
export async function withinBudget<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** `daily on …` and `daily off`: the texts that change a channel's subscription. */
const CHANGES_DAILY = /^\s*daily\s+(?:on|off)\b/i;

export interface CommandInput {
  readonly text: string;
  readonly channelId: string;
  readonly userId: string;
  readonly teamId?: string;
}

export interface EphemeralReply {
  readonly response_type: 'ephemeral';
  readonly text: string;
  readonly blocks?: ReturnType<typeof answerToSlack>['blocks'];
}

/**
 * `/pattern <text>`: the answer goes back in the ack itself (no Web API call, inside Slack's 3 s),
 * visible to the asker only, with a Share button. A failure answers with a fixed message.
 */
export async function answerPatternCommand(deps: SlackDeps, input: CommandInput): Promise<EphemeralReply> {
  const ask = async () =>
    deps.ask(input.text, {
      platform: 'slack',
      channelId: input.channelId,
      userId: input.userId,
      ...(input.teamId ? { workspaceId: input.teamId } : {}),
      ...(deps.isAdmin && CHANGES_DAILY.test(input.text)
        ? { canManageChannel: await deps.isAdmin(input.userId) }
        : {}),
    });
  try {
    return await deps.replies.reply(input.text, ask, (answer) => ({
      response_type: 'ephemeral',
      ...answerToSlack(answer, { shareable: true }),
    }));
  } catch (error) {
    deps.logger.error(
      { ...bugContext(error), channel: input.channelId, user: input.userId },
      'slash command failed',
    );
    return { response_type: 'ephemeral', text: SORRY };
  }
}

/**
 * Acks `/pattern` with its answer; an answer slower than the budget is acked with a placeholder
 * and then replaces it through the response_url.
 */
export async function ackPatternCommand(
  deps: SlackDeps,
  input: CommandInput,
  ack: (reply: EphemeralReply) => Promise<void>,
  respond: RespondFn,
): Promise<void> {
  const reply = answerPatternCommand(deps, input);
  const inTime = await withinBudget(reply, deps.ackBudgetMs ?? ACK_BUDGET_MS);
  if (inTime) {
    await ack(inTime);
    return;
  }
  await ack({ response_type: 'ephemeral', text: WORKING });
  try {
    await respond({ replace_original: true, ...(await reply) });
  } catch (error) {
    deps.logger.warn({ ...summarizeSlackError(error), channel: input.channelId }, 'late answer failed');
  }
}
