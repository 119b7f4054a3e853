/** `npm run discord:invite [application-id]`: prints the OAuth2 URL that adds the bot to a server. */
import { BOT_PERMISSIONS, inviteUrl } from '../src/adapters/discord/invite.js';
import { loadConfig } from '../src/config.js';

const applicationId = process.argv[2] ?? loadConfig().discord?.applicationId;
if (!applicationId) {
  console.error('discord:invite: pass the application ID or set DISCORD_APPLICATION_ID and DISCORD_TOKEN.');
  process.exitCode = 2;
} else {
  console.log(inviteUrl(applicationId));
  console.log(`Scopes: bot applications.commands. Permissions: ${Object.keys(BOT_PERMISSIONS).join(', ')}.`);
}
