import { ConfigError } from '../config.js';
import { DAILY_PLATFORMS, type DailyPlatform } from './poster.js';
import type { DailyStore } from './store.js';
import { EVERY_DAY } from './subscription.js';

export interface StaticChannel {
  readonly platform: DailyPlatform;
  readonly channelId: string;
}

const CHANNEL_ID: Record<DailyPlatform, { pattern: RegExp; example: string }> = {
  slack: { pattern: /^[CGD][A-Z0-9]{2,}$/, example: 'slack:C0123ABCD (a channel ID, not a #name)' },
  discord: { pattern: /^\d{1,20}$/, example: 'discord:1122334455 (a numeric channel ID)' },
};

/**
 * Reads `DAILY_CHANNELS` (`slack:C0123,discord:1122334455`). Blank entries are ignored; anything
 * else that is not `platform:channel-id` is an error naming the variable and the entry.
 */
export function parseDailyChannels(raw: string | undefined): StaticChannel[] {
  const channels: StaticChannel[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  const entries = (raw ?? '').split(',').map((entry) => entry.trim());
  entries.forEach((entry, index) => {
    if (entry === '') return;
    const where = `DAILY_CHANNELS entry ${index + 1} "${entry}"`;
    const colon = entry.indexOf(':');
    const platform = entry.slice(0, colon).trim().toLowerCase();
    const channelId = entry.slice(colon + 1).trim();
    if (colon === -1) {
      problems.push(`${where}: must be platform:channel-id, such as slack:C0123ABCD or discord:1122334455`);
    } else if (!DAILY_PLATFORMS.includes(platform as DailyPlatform)) {
      problems.push(`${where}: the platform must be slack or discord`);
    } else {
      const rule = CHANNEL_ID[platform as DailyPlatform];
      if (!rule.pattern.test(channelId)) {
        problems.push(`${where}: not a ${platform} channel ID; write it as ${rule.example}`);
      } else if (seen.has(`${platform}:${channelId}`)) {
        problems.push(`${where}: listed twice`);
      } else {
        seen.add(`${platform}:${channelId}`);
        channels.push({ platform: platform as DailyPlatform, channelId });
      }
    }
  });
  if (problems.length > 0) throw new ConfigError(problems);
  return channels;
}

/**
 * Makes the configured channels subscriptions (`source = 'config'`, default time and zone, every
 * day, no discussion thread) if they have none, and removes config subscriptions no longer configured. A channel's
 * existing subscription is left as it is: a `daily off` or a schedule set by command survives a restart.
 */
export async function syncStaticChannels(
  store: DailyStore,
  channels: readonly StaticChannel[],
  defaults: { time: string; timeZone: string; now: Date },
): Promise<{ added: number; removed: number }> {
  let added = 0;
  let removed = 0;
  for (const channel of channels) {
    const input = { ...channel, time: defaults.time, timeZone: defaults.timeZone, weekdays: EVERY_DAY };
    if (
      await store.insertSubscriptionIfMissing(
        { ...input, thread: false, diagram: false, source: 'config' },
        defaults.now,
      )
    )
      added++;
  }
  const wanted = new Set(channels.map((c) => `${c.platform}:${c.channelId}`));
  for (const subscription of await store.listSubscriptions({ source: 'config' })) {
    if (!wanted.has(`${subscription.platform}:${subscription.channelId}`)) {
      if (await store.deleteSubscription(subscription.platform, subscription.channelId)) removed++;
    }
  }
  return { added, removed };
}
