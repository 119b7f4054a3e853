import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BOT_EVENTS, slackManifest } from '../../../src/adapters/slack/manifest.js';
import {
  COMMAND_DESCRIPTION,
  COMMAND_NAME,
  COMMAND_USAGE_HINT,
  COMMANDS,
} from '../../../src/core/commands.js';

const file = fileURLToPath(new URL('../../../slack/manifest.json', import.meta.url));

describe('the Slack app manifest', () => {
  it('is the committed slack/manifest.json (run npm run slack:manifest after changing commands)', () => {
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(slackManifest());
  });

  it('declares /pattern as the core declares it, hinting only real commands', () => {
    const [command, ...others] = slackManifest().features.slash_commands;
    expect(others).toEqual([]);
    expect(command).toEqual({
      command: `/${COMMAND_NAME}`,
      description: COMMAND_DESCRIPTION,
      usage_hint: COMMAND_USAGE_HINT,
      should_escape: false,
    });
    // Every word the hint offers is a real command (or, for a lookup, one of its examples).
    const known = new Set<string>([...COMMANDS.map((c) => c.name), ...COMMANDS[0].examples]);
    const hinted = COMMAND_USAGE_HINT.split('|').map((part) => part.trim().split(' ')[0] ?? '');
    expect(hinted.filter((word) => !known.has(word))).toEqual([]);
  });

  it('asks for the scopes and events the listeners use, with Socket Mode and interactivity on', () => {
    const manifest = slackManifest();
    expect(manifest.oauth_config.scopes.bot).toEqual([
      'app_mentions:read',
      'channels:read',
      'chat:write',
      'commands',
      'files:write',
      'groups:read',
      'im:history',
      'users:read',
    ]);
    expect(manifest.settings.event_subscriptions.bot_events).toEqual([...BOT_EVENTS]);
    expect(BOT_EVENTS).toEqual(['app_home_opened', 'app_mention', 'message.im']);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
  });
});
