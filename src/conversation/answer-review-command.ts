import type { Card } from '../core/card/card.js';
import { reviewCard } from '../core/card/review-card.js';
import type { ReviewCommand } from '../core/review/review-command.js';
import type { ReviewCommands } from '../review/create-review.js';
import type { AskInput } from './types.js';

/**
 * `review …` from any place a person can write (a slash command, a mention, a DM): it is always
 * about the person who wrote it, so no permission check. The console has no DM to send it to.
 */
export async function answerReviewCommand(
  command: ReviewCommand,
  input: AskInput,
  review: ReviewCommands | undefined,
): Promise<Card> {
  if (command.type === 'invalid') return reviewCard({ outcome: 'invalid', problems: command.problems });
  const { platform, userId } = input;
  if (!review || platform === 'console' || !userId) return reviewCard({ outcome: 'unavailable' });
  const person = { platform, userId, ...(input.workspaceId ? { workspaceId: input.workspaceId } : {}) };
  return reviewCard(await review.run(command, person));
}
