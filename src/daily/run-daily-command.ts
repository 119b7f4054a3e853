import type { DailyAnswer, DailyOutcome, DailySchedule } from '../core/answer.js';
import type { CanPost } from '../core/daily/can-post.js';
import { type DailyCommand, DEFAULT_DAILY_TIME } from '../core/daily/daily-command.js';
import type { DailyPlatform } from './poster.js';
import { nextPostAt } from './schedule.js';
import type { DailyStore } from './store.js';
import { EVERY_DAY, type Subscription } from './subscription.js';

/** Where a valid daily command is carried out: a channel of a platform the bot posts daily to. */
export interface DailyTarget {
  readonly platform: DailyPlatform;
  readonly channelId: string;
  readonly workspaceId?: string;
  readonly userId?: string;
  /** Whether the bot can post here; called only for `daily on`. */
  readonly canPost?: () => Promise<CanPost>;
}

export interface DailyCommandDeps {
  readonly store: DailyStore;
  /** The platforms this deployment posts daily patterns to. */
  readonly platforms: ReadonlySet<DailyPlatform>;
  readonly defaultTimeZone: string;
  readonly clock: () => Date;
}

const daily = (outcome: DailyOutcome): DailyAnswer => ({ kind: 'daily', ...outcome });

function schedule(subscription: Subscription, now: Date): DailySchedule {
  const next = nextPostAt(subscription, now);
  return {
    time: subscription.time,
    timeZone: subscription.timeZone,
    weekdays: subscription.weekdays,
    thread: subscription.thread,
    diagram: subscription.diagram,
    ...(subscription.quiz ? { quiz: true } : {}),
    ...(next ? { nextPostAt: next } : {}),
    fromConfig: subscription.source === 'config',
  };
}

/**
 * Carries out a daily command in a channel. Who may do it is decided before (the conversation's one
 * permission check); this reads and writes the subscription and reports the outcome as data.
 */
export async function runDailyCommand(
  command: DailyCommand,
  target: DailyTarget,
  deps: DailyCommandDeps,
): Promise<DailyAnswer> {
  if (command.type === 'invalid') return daily({ outcome: 'invalid', problems: command.problems });
  const { platform, channelId } = target;
  const now = deps.clock();
  const existing = await deps.store.getSubscription(platform, channelId);

  if (command.type === 'status') {
    if (!existing) {
      return daily({
        outcome: 'status-none',
        defaultTime: DEFAULT_DAILY_TIME,
        defaultTimeZone: deps.defaultTimeZone,
      });
    }
    if (!existing.enabled) {
      return daily({
        outcome: 'status-off',
        ...(existing.disabledReason ? { reason: existing.disabledReason } : {}),
      });
    }
    return daily({ outcome: 'status-on', schedule: schedule(existing, now) });
  }

  if (command.type === 'off') {
    if (!existing?.enabled) return daily({ outcome: 'already-off' });
    const by = target.userId ? ` by user ${target.userId}` : '';
    await deps.store.disableSubscription(platform, channelId, `turned off with "daily off"${by}`, now);
    return daily({ outcome: 'turned-off' });
  }

  if (!deps.platforms.has(platform)) return daily({ outcome: 'unavailable', platform });
  if (target.canPost) {
    let canPost: CanPost;
    try {
      canPost = await target.canPost();
    } catch {
      return daily({ outcome: 'check-failed' });
    }
    if (!canPost.ok) return daily({ outcome: 'cannot-post', problem: canPost });
  }

  const subscription = await deps.store.upsertSubscription(
    {
      platform,
      channelId,
      workspaceId: target.workspaceId,
      time: command.time ?? existing?.time ?? DEFAULT_DAILY_TIME,
      timeZone: command.timeZone ?? existing?.timeZone ?? deps.defaultTimeZone,
      weekdays: command.weekdays ?? existing?.weekdays ?? EVERY_DAY,
      thread: command.thread ?? existing?.thread ?? false,
      diagram: command.diagram ?? existing?.diagram ?? false,
      quiz: command.quiz ?? existing?.quiz ?? false,
      source: 'command',
      createdBy: target.userId,
    },
    now,
  );
  return daily({ outcome: 'turned-on', schedule: schedule(subscription, now) });
}
