import { type Ask, createAsk } from '../ask.js';
import type { Bot } from '../core/bot.js';
import { parseIntent } from '../core/intent.js';
import { type DailyCommandDeps, handleDailyCommand, parseDailyCommand } from './daily-command.js';

export interface DailyAskOptions extends DailyCommandDeps {
  readonly bot: Bot;
  /** Where every other text goes; by default the core, with `today` in `defaultTimeZone`. */
  readonly baseAsk?: Ask;
}

/**
 * The `Ask` adapters are given when the daily pattern is on: `daily …` commands are handled here,
 * `today` in a subscribed channel uses the channel's zone, and everything else goes to the core.
 */
export function createDailyAsk(options: DailyAskOptions): Ask {
  const base = options.baseAsk ?? createAsk(options.bot, options.defaultTimeZone, options.clock);
  return async (text, context) => {
    const command = parseDailyCommand(text);
    if (command) return handleDailyCommand(command, context, options);
    if (context.platform !== 'console' && context.channelId !== undefined) {
      const subscription = options.store.getSubscription(context.platform, context.channelId);
      if (subscription?.enabled && parseIntent(text).type === 'today') {
        return options.bot.answer(text, { now: options.clock(), timeZone: subscription.timeZone });
      }
    }
    return base(text, context);
  };
}
