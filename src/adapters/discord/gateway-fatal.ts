import { GatewayCloseCodes } from 'discord.js';

/**
 * Gateway close codes after which discord.js never reconnects, and what a person must do about
 * each. Each message names the variable to check, never its value.
 */
const FATAL_CLOSE_CODES: Readonly<Record<number, string>> = {
  [GatewayCloseCodes.AuthenticationFailed]:
    'Discord rejected DISCORD_TOKEN (gateway close 4004): set DISCORD_TOKEN to the bot token from the Developer Portal (Bot → Reset Token)',
  [GatewayCloseCodes.DisallowedIntents]:
    'Discord refused an intent for the application of DISCORD_TOKEN (gateway close 4014): enable it under Bot → Privileged Gateway Intents, or use the token of the application that has it',
  [GatewayCloseCodes.InvalidIntents]:
    'Discord refused the intents for DISCORD_TOKEN (gateway close 4013): the intents this version asks for are invalid',
  [GatewayCloseCodes.InvalidShard]: 'Discord refused the shard for DISCORD_TOKEN (gateway close 4010)',
  [GatewayCloseCodes.ShardingRequired]:
    'Discord requires sharding for the bot of DISCORD_TOKEN (gateway close 4011): it is in too many guilds for one connection',
  [GatewayCloseCodes.InvalidAPIVersion]:
    'Discord refused the gateway API version (gateway close 4012) for DISCORD_TOKEN',
};

/** The error for a close code discord.js will not recover from, or undefined for any other code. */
export function fatalCloseError(code: number): Error | undefined {
  const message = FATAL_CLOSE_CODES[code];
  if (message === undefined) return undefined;
  const error = new Error(message);
  error.name = 'DiscordGatewayFatal';
  return Object.assign(error, { closeCode: code });
}
