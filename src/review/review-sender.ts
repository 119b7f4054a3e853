import type { Card } from '../core/card/card.js';
import type { DailyPlatform } from '../daily/poster.js';

/**
 * The review port: what each platform adapter implements to send a person their review by direct
 * message (Slack `chat.postMessage` to the user ID; Discord `POST /users/@me/channels`, then a
 * message there). One attempt; it throws on failure and the scheduler logs it.
 */
export interface ReviewSender {
  readonly platform: DailyPlatform;
  sendDm(userId: string, card: Card): Promise<void>;
}
