import { webApi } from '@slack/bolt';
import { StartupError } from '../../service.js';

/** How long start-up waits for Slack's first answer (auth.test) before it gives up. */
export const STARTUP_WAIT_MS = 10_000;

/** Slack's answers that mean the bot token itself is wrong. */
const BAD_TOKEN = new Set([
  'invalid_auth',
  'not_authed',
  'token_revoked',
  'account_inactive',
  'token_expired',
]);

/** Why Slack start-up failed, as one line naming the variable to fix. */
export function slackStartupError(error: unknown, unreachable: string): StartupError {
  if (error instanceof StartupError) return error;
  if (error instanceof webApi.WebAPIPlatformError) {
    const code = error.data.error;
    return new StartupError(
      BAD_TOKEN.has(code)
        ? `Slack refused SLACK_BOT_TOKEN (${code}): copy the Bot User OAuth Token (xoxb-…) of the installed app into .env`
        : `Slack answered ${code} at start-up: check SLACK_BOT_TOKEN and the app's scopes`,
      { cause: error },
    );
  }
  if (error instanceof webApi.WebAPIRequestError || error instanceof webApi.WebAPIHTTPError) {
    return new StartupError(
      `${unreachable.replace(/did not answer within \d+ s$/, 'could not be reached')}`,
      { cause: error },
    );
  }
  return new StartupError(
    `Slack failed to start: ${error instanceof Error ? error.message : String(error)}`,
    {
      cause: error,
    },
  );
}

/** Why the HTTP server could not listen, naming PORT or HOST. */
export function listenError(error: unknown, port: number, host: string): StartupError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE')
    return new StartupError(`PORT=${port} is already in use on ${host}`, { cause: error });
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return new StartupError(
      `HOST=${host} is not an address of this machine: use 0.0.0.0, 127.0.0.1 or one of its own`,
      {
        cause: error,
      },
    );
  }
  if (code === 'EACCES')
    return new StartupError(`PORT=${port} needs privileges: use a port above 1023`, { cause: error });
  return new StartupError(`could not listen on HOST=${host} PORT=${port}: ${code ?? String(error)}`, {
    cause: error,
  });
}
