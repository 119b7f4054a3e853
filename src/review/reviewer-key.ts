import type { DailyPlatform } from '../daily/poster.js';
import type { ReviewerKey } from '../store/review-store.js';

/**
 * The one rule for whose review a command or a click is. Discord user IDs are global and a review
 * DM has no guild, so a Discord person has one review whatever guild they typed in (workspace '');
 * on Slack the workspace is the team the command or click came from.
 */
export function reviewerKey(
  platform: DailyPlatform,
  workspaceId: string | undefined,
  userId: string,
): ReviewerKey {
  return { platform, workspaceId: platform === 'discord' ? '' : (workspaceId ?? ''), userId };
}
