import { REST } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DISCORD_COMMANDS, PATTERN_COMMAND } from '../../../src/adapters/discord/commands.js';
import { BOT_PERMISSION_BITS, inviteUrl } from '../../../src/adapters/discord/invite.js';
import { registerCommands } from '../../../src/adapters/discord/register-commands.js';
import { APPLICATION_ID, BOT_TOKEN, FakeDiscord, GUILD_ID } from '../../fakes/fake-discord.js';

let fake: FakeDiscord;
let rest: REST;
beforeAll(async () => {
  fake = await FakeDiscord.start();
  rest = new REST({ api: fake.apiUrl, retries: 0 }).setToken(BOT_TOKEN);
});
afterAll(async () => fake?.close());

describe('registerCommands', () => {
  it('PUTs the commands to the guild and says what changed', async () => {
    const target = { applicationId: APPLICATION_ID, guildId: GUILD_ID };
    expect(await registerCommands(rest, target, DISCORD_COMMANDS)).toEqual([
      { name: 'pattern', change: 'added' },
    ]);
    const put = fake.requests.find((r) => r.method === 'PUT');
    expect(put?.path).toBe(`/api/v10/applications/${APPLICATION_ID}/guilds/${GUILD_ID}/commands`);
    expect(put?.body).toEqual([PATTERN_COMMAND]);
    expect(put?.headers.authorization).toBe(`Bot ${BOT_TOKEN}`);
    expect(await registerCommands(rest, target, DISCORD_COMMANDS)).toEqual([
      { name: 'pattern', change: 'unchanged' },
    ]);
    const changed = [{ ...PATTERN_COMMAND, description: 'Something else' }];
    expect(await registerCommands(rest, target, changed)).toEqual([{ name: 'pattern', change: 'updated' }]);
    expect(await registerCommands(rest, target, [{ name: 'other', description: 'x' }])).toEqual([
      { name: 'other', change: 'added' },
      { name: 'pattern', change: 'removed' },
    ]);
  });

  it('PUTs globally without a guild', async () => {
    await registerCommands(rest, { applicationId: APPLICATION_ID }, DISCORD_COMMANDS);
    expect(fake.commands.get('global')?.map((c) => c.name)).toEqual(['pattern']);
  });
});

describe('inviteUrl', () => {
  it('asks for bot and applications.commands with only the permissions the bot uses', () => {
    // View Channel 1024, Send Messages 2048, Embed Links 16384, Attach Files 32768, Read Message History 65536,
    // Send Messages in Threads 2^38.
    expect(BOT_PERMISSION_BITS).toBe(1024n + 2048n + 16384n + 32768n + 65536n + 274877906944n);
    expect(inviteUrl('123456789012345678')).toBe(
      'https://discord.com/oauth2/authorize?client_id=123456789012345678&scope=bot+applications.commands&permissions=274878024704',
    );
  });
});
