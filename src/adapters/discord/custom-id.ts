import { DISCORD_LIMITS } from './limits.js';

/** What a button does: show a pattern privately to whoever clicked, or post it to the channel. */
export type ButtonAction = 'show' | 'share';

const PREFIX = 'pattern';

/** The custom_id of a pattern button, or undefined when the slug would not fit Discord's 100 characters. */
export function buttonId(action: ButtonAction, slug: string): string | undefined {
  const id = `${PREFIX}:${action}:${slug}`;
  return id.length <= DISCORD_LIMITS.customId ? id : undefined;
}

export function parseButtonId(customId: string): { action: ButtonAction; slug: string } | undefined {
  const match = /^pattern:(show|share):(.+)$/.exec(customId);
  if (!match?.[1] || !match[2]) return undefined;
  return { action: match[1] as ButtonAction, slug: match[2] };
}
