/**
 * `npm run discord:register`: puts the /pattern command to the guild in DISCORD_GUILD_ID (instant, for
 * development) or globally, and prints what changed. Honours DISCORD_API_URL.
 */
import { REST } from 'discord.js';
import { DISCORD_COMMANDS } from '../src/adapters/discord/commands.js';
import { registerCommands } from '../src/adapters/discord/register-commands.js';
import { ConfigError, loadConfig } from '../src/config.js';

async function main(): Promise<number> {
  const { discord } = loadConfig();
  if (!discord) {
    console.error(
      'discord:register: set DISCORD_TOKEN and DISCORD_APPLICATION_ID (in .env or the environment).',
    );
    return 2;
  }
  const rest = new REST(discord.apiUrl ? { api: discord.apiUrl.replace(/\/+$/, '') } : {}).setToken(
    discord.token,
  );
  const scope = discord.guildId ? `guild ${discord.guildId}` : 'global (may take up to an hour to appear)';
  const changes = await registerCommands(
    rest,
    { applicationId: discord.applicationId, ...(discord.guildId ? { guildId: discord.guildId } : {}) },
    DISCORD_COMMANDS,
  );
  console.log(`Registered ${DISCORD_COMMANDS.length} command(s), ${scope}:`);
  for (const { name, change } of changes) console.log(`  /${name}: ${change}`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const message = error instanceof ConfigError || error instanceof Error ? error.message : String(error);
    console.error(`discord:register failed: ${message}`);
    process.exitCode = 1;
  },
);
