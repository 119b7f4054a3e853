import { Writable } from 'node:stream';
import { createSlackService, type SlackService } from '../../../src/adapters/slack/slack-app.js';
import type { SlackConfig } from '../../../src/config.js';
import { createConversation } from '../../../src/conversation/create-conversation.js';
import type { Conversation } from '../../../src/conversation/types.js';
import type { Bot } from '../../../src/core/bot.js';
import type { DiagramImages } from '../../../src/diagrams/diagram-images.js';
import { createLogger, type Logger } from '../../../src/logger.js';
import type { HealthReport } from '../../../src/service.js';
import { type FakeSlack, slackSignature, startFakeSlack } from '../../fakes/fake-slack.js';
import { realBot } from '../../helpers/catalog.js';

export const SIGNING_SECRET = 'test-signing-secret';
export const BOT_TOKEN = 'xoxb-test-token-never-logged';
/** The clock the tests' `today` uses. */
export const NOW = new Date('2025-03-14T12:00:00Z');

export interface Harness {
  readonly fake: FakeSlack;
  readonly service: SlackService;
  readonly base: string;
  /** Every log line, parsed. */
  readonly logs: Record<string, unknown>[];
  /** Signs and posts a body to Bolt's /slack/events. */
  post(body: string, contentType: string, headers?: Record<string, string>): Promise<Response>;
  command(text: string, responseId?: string): Promise<Response>;
  action(payload: object): Promise<Response>;
  /** Clicks a button on a message (ephemeral or not) whose response_url is the fake's, or `responseUrl`. */
  click(actionId: string, value: string, ephemeral: boolean, responseUrl?: string): Promise<Response>;
  event(event: object, eventId: string, headers?: Record<string, string>): Promise<Response>;
  close(): Promise<void>;
}

/** The Slack service as tests run it: on 127.0.0.1, any free port, no Web API retries. */
export function testSlackService(
  config: SlackConfig,
  options: {
    readonly conversation?: Conversation;
    readonly logger?: Logger;
    readonly health?: () => HealthReport;
    readonly ackBudgetMs?: number;
    readonly adminsOnlyForDaily?: boolean;
    readonly diagrams?: DiagramImages;
    readonly publicUrl?: string;
  } = {},
): SlackService {
  const logger = options.logger ?? createLogger('silent');
  return createSlackService({
    config,
    port: 0,
    host: '127.0.0.1',
    conversation: options.conversation ?? testConversation(realBot(), logger),
    logger,
    ...(options.adminsOnlyForDaily ? { adminsOnlyForDaily: true } : {}),
    retryConfig: { retries: 0 },
    ...(options.health ? { health: options.health } : {}),
    ...(options.ackBudgetMs !== undefined ? { ackBudgetMs: options.ackBudgetMs } : {}),
    ...(options.diagrams ? { diagrams: options.diagrams } : {}),
    ...(options.publicUrl ? { publicUrl: options.publicUrl } : {}),
  });
}

/** The real conversation over a bot, on the tests' clock. */
export function testConversation(bot: Bot, logger: Logger = createLogger('silent')): Conversation {
  return createConversation({ bot, logger, defaultTimeZone: 'UTC', clock: () => NOW });
}

export interface HarnessOptions {
  /** Builds the conversation from the harness's logger (default: the real one over the real catalog). */
  readonly conversation?: (logger: Logger) => Conversation;
  readonly ackBudgetMs?: number;
  readonly adminsOnlyForDaily?: boolean;
  /** The diagrams drawn, and PUBLIC_URL: the Diagram button links or uploads them. */
  readonly diagrams?: DiagramImages;
  readonly publicUrl?: string;
}

/** The real Bolt app in HTTP mode on 127.0.0.1, its Web API pointed at a fresh fake Slack. */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const fake = await startFakeSlack();
  const logs: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n')) if (line) logs.push(JSON.parse(line));
      done();
    },
  });
  const logger = createLogger('debug', sink);
  const service = testSlackService(
    { botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET, apiUrl: fake.apiUrl },
    {
      ...(options.conversation ? { conversation: options.conversation(logger) } : {}),
      ...(options.ackBudgetMs !== undefined ? { ackBudgetMs: options.ackBudgetMs } : {}),
      ...(options.adminsOnlyForDaily ? { adminsOnlyForDaily: true } : {}),
      ...(options.diagrams ? { diagrams: options.diagrams } : {}),
      ...(options.publicUrl ? { publicUrl: options.publicUrl } : {}),
      logger,
    },
  );
  await service.start();
  const base = `http://127.0.0.1:${service.port()}`;
  const post = (body: string, contentType: string, headers: Record<string, string> = {}) =>
    fetch(`${base}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': contentType, ...slackSignature(SIGNING_SECRET, body), ...headers },
      body,
    });
  const form = 'application/x-www-form-urlencoded';
  const action = (payload: object) =>
    post(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), form);
  return {
    fake,
    service,
    base,
    logs,
    post,
    command: (text, responseId = 'cmd') =>
      post(
        new URLSearchParams({
          team_id: 'T0TEST',
          channel_id: 'C0CHANNEL',
          user_id: 'U0ASKER',
          command: '/pattern',
          text,
          response_url: fake.responseUrl(responseId),
          trigger_id: '1.2.3',
        }).toString(),
        form,
      ),
    action,
    click: (actionId, value, ephemeral, responseUrl = fake.responseUrl('click')) =>
      action(buttonClick(actionId, value, { ephemeral, responseUrl })),
    event: (event, eventId, headers) =>
      post(
        JSON.stringify({
          token: 'legacy',
          team_id: 'T0TEST',
          api_app_id: 'A0APP',
          type: 'event_callback',
          event_id: eventId,
          event_time: 1_700_000_000,
          authorizations: [{ team_id: 'T0TEST', user_id: 'UBOT000', is_bot: true }],
          event,
        }),
        'application/json',
        headers,
      ),
    async close() {
      await service.stop();
      await fake.close();
    },
  };
}

/** Polls until `check` passes (it throws until then), for work done after Slack's ack. */
export async function eventually(check: () => void, timeoutMs = 3000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      check();
      return;
    } catch (error) {
      if (Date.now() > until) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
}

/** A block_actions payload for a button click. */
export function buttonClick(
  actionId: string,
  value: string,
  options: { readonly ephemeral: boolean; readonly responseUrl: string },
): object {
  return {
    type: 'block_actions',
    team: { id: 'T0TEST', domain: 'test' },
    user: { id: 'U0CLICKER', username: 'clicker', team_id: 'T0TEST' },
    api_app_id: 'A0APP',
    token: 'legacy',
    container: {
      type: 'message',
      message_ts: '1700000000.000100',
      channel_id: 'C0CHANNEL',
      is_ephemeral: options.ephemeral,
    },
    trigger_id: '1.2.3',
    channel: { id: 'C0CHANNEL', name: 'general' },
    response_url: options.responseUrl,
    actions: [
      {
        type: 'button',
        action_id: actionId,
        block_id: 'b',
        text: { type: 'plain_text', text: 'x' },
        value,
        action_ts: '1700000001.000200',
      },
    ],
  };
}
