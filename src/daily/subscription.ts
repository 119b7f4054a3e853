import type { DailyPlatform } from './poster.js';

export { EVERY_DAY } from '../core/daily/weekdays.js';

export interface SubscriptionSchedule {
  /** 24-hour `HH:MM`, local to `timeZone`. */
  readonly time: string;
  /** IANA zone name. */
  readonly timeZone: string;
  /** Bitmask of weekdays: bit 0 Sunday … bit 6 Saturday. */
  readonly weekdays: number;
}

export interface SubscriptionInput extends SubscriptionSchedule {
  readonly platform: DailyPlatform;
  readonly channelId: string;
  /**
   * Start a discussion thread under each post, where the platform permits. Not part of the
   * schedule: changing it alone does not move `activeSince`.
   */
  readonly thread: boolean;
  /** The post carries the pattern's diagram (its picture where one is drawn). Not part of the schedule either. */
  readonly diagram: boolean;
  /** End each post with a question of the day (`daily on quiz`); its answer follows in the post's thread. */
  readonly quiz?: boolean;
  readonly workspaceId?: string | undefined;
  readonly source: 'command' | 'config';
  readonly createdBy?: string | undefined;
}

export interface Subscription extends SubscriptionInput {
  readonly enabled: boolean;
  readonly disabledReason?: string | undefined;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  /**
   * When the current schedule took effect (set on subscribing, re-enabling or changing the time,
   * zone or days). A day's post is due only if its time is at or after this: a subscription made
   * at 08:00 for 09:00 posts today, one made at 10:00 for 09:00 first posts tomorrow.
   */
  readonly activeSince: Date;
}

export type DeliveryStatus = 'claimed' | 'sent' | 'failed';

export interface DeliveryRef {
  readonly platform: DailyPlatform;
  readonly channelId: string;
  /** The subscription's local date, YYYY-MM-DD. */
  readonly localDate: string;
}

export interface Delivery extends DeliveryRef {
  readonly patternSlug: string;
  readonly status: DeliveryStatus;
  readonly claimOwner?: string | undefined;
  readonly claimedAt: Date;
  readonly attempts: number;
  readonly sentAt?: Date | undefined;
  readonly messageId?: string | undefined;
  readonly lastError?: string | undefined;
}
