import { COMMAND_DESCRIPTION, COMMAND_NAME, COMMAND_USAGE_HINT } from '../../core/commands.js';

/** chat:write and commands to answer; channels:read and groups:read to check, before a daily post, that the bot is in the channel; users:read for DAILY_SLACK_ADMINS_ONLY; files:write to upload a diagram (without PUBLIC_URL). */
export const BOT_SCOPES = [
  'app_mentions:read',
  'channels:read',
  'chat:write',
  'commands',
  'files:write',
  'groups:read',
  'im:history',
  'users:read',
] as const;
export const BOT_EVENTS = ['app_home_opened', 'app_mention', 'message.im'] as const;

/**
 * The Slack app manifest (paste into "Create New App → From a manifest"). Generated from the core's
 * command declaration; `npm run slack:manifest` writes slack/manifest.json and a test keeps it in step.
 * The Home tab needs no scope (views.publish and app_home_opened come with the bot user).
 */
export function slackManifest(appName = 'pattern-bot') {
  return {
    _metadata: { major_version: 1, minor_version: 1 },
    display_information: {
      name: appName,
      description: 'Teaches distributed-system architecture patterns: /pattern saga',
      background_color: '#1d3557',
    },
    features: {
      app_home: { home_tab_enabled: true, messages_tab_enabled: true, messages_tab_read_only_enabled: false },
      bot_user: { display_name: appName, always_online: true },
      slash_commands: [
        {
          command: `/${COMMAND_NAME}`,
          description: COMMAND_DESCRIPTION,
          usage_hint: COMMAND_USAGE_HINT,
          should_escape: false,
        },
      ],
    },
    oauth_config: { scopes: { bot: [...BOT_SCOPES] } },
    settings: {
      event_subscriptions: { bot_events: [...BOT_EVENTS] },
      interactivity: { is_enabled: true },
      org_deploy_enabled: false,
      socket_mode_enabled: true,
      token_rotation_enabled: false,
    },
  };
}
