import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, HTTPReceiver, SocketModeReceiver, webApi } from '@slack/bolt';
import type { SlackConfig } from '../../config.js';
import type { Conversation } from '../../conversation/types.js';
import type { DailyPoster } from '../../daily/poster.js';
import { DIAGRAM_ROUTE, sendDiagram } from '../../diagram-route.js';
import type { DiagramImages } from '../../diagrams/diagram-images.js';
import {
  HEALTH_PATHS,
  METRICS_PATH,
  type MetricsSource,
  sendHealth,
  sendMetrics,
  startHealthServer,
} from '../../health-server.js';
import type { Logger } from '../../logger.js';
import {
  type HealthReport,
  healthReport,
  type Service,
  type ServiceHealth,
  withinStartup,
} from '../../service.js';
import { pinoToBoltLogger } from './bolt-logger.js';
import { createSlackDailyPoster } from './daily-poster.js';
import { createEventDedupe } from './event-dedupe.js';
import { registerSlackListeners } from './listeners.js';
import { guardSlackRequests, harmlessProcessEventErrorHandler, SLACK_EVENTS_PATH } from './request-guard.js';
import { slackDiagrams } from './slack-diagrams.js';
import { listenError, STARTUP_WAIT_MS, slackStartupError } from './startup-error.js';

export interface SlackServiceOptions {
  readonly config: SlackConfig;
  /** HTTP mode listens here (0: any free port). */
  readonly port: number;
  readonly host: string;
  readonly conversation: Conversation;
  readonly logger: Logger;
  /** The whole process’s health, served at GET /healthz in both modes. Default: this service’s. */
  readonly health?: () => HealthReport;
  /** Web API retries. Default: up to 5 within 5 minutes; tests pass `{ retries: 0 }`. */
  readonly retryConfig?: webApi.RetryOptions;
  /** How long `/pattern` may think before acking with the working card (default 2.5 s). */
  readonly ackBudgetMs?: number;
  /** DAILY_SLACK_ADMINS_ONLY: only workspace admins and owners may turn the daily pattern on or off. */
  readonly adminsOnlyForDaily?: boolean;
  /** Served at `GET /metrics` on PORT, beside the health endpoints. */
  readonly metrics?: MetricsSource;
  /** The store's shared record of Slack event ids (true when new): one answer per event across replicas. */
  readonly seenEvent?: (id: string, ttlMs: number) => Promise<boolean>;
  /** The diagrams drawn so far: served at `/diagrams/<slug>.png`, and uploaded or linked by the Diagram button. */
  readonly diagrams?: DiagramImages;
  /** PUBLIC_URL: set, a diagram is an image block pointing at the bot's own `/diagrams/<slug>.png`. */
  readonly publicUrl?: string;
}

export interface SlackService extends Service {
  readonly mode: 'socket' | 'http';
  /**
   * Always true: the service owns PORT and answers /healthz there from the moment `start` begins (in
   * Socket Mode too, 503 until Slack connects), so main must not start its own server.
   */
  readonly servesHealth: boolean;
  /** The port /healthz (and, in HTTP mode, /slack/events) listens on, once started. */
  port(): number | undefined;
  /**
   * The daily port: posts the pattern-of-the-day card through a Web API client with no retries and a
   * 10 s timeout (the daily engine retries, under its claim), and checks whether it can post.
   */
  readonly poster: DailyPoster;
}

/** A scheduled post that takes longer than this has failed; the daily engine retries it. */
const POST_TIMEOUT_MS = 10_000;

/** Whether a user is a workspace admin or owner (`users.info`, needs `users:read`). */
export async function isWorkspaceAdmin(client: webApi.WebClient, userId: string): Promise<boolean> {
  const { user } = await client.users.info({ user: userId });
  return Boolean(user?.is_admin || user?.is_owner || user?.is_primary_owner);
}

/** Slack's Web API base, with the trailing slash the client needs. */
function apiBase(url: string | undefined): string | undefined {
  return url && (url.endsWith('/') ? url : `${url}/`);
}

/** The Slack adapter: Bolt in Socket Mode when an app token is set, else HTTP mode on `port`. */
export function createSlackService(options: SlackServiceOptions): SlackService {
  const { config } = options;
  const logger = options.logger.child({ platform: 'slack' });
  const boltLogger = pinoToBoltLogger(logger);
  const slackApiUrl = apiBase(config.apiUrl);
  const clientOptions: webApi.WebClientOptions = {
    ...(slackApiUrl ? { slackApiUrl } : {}),
    retryConfig: options.retryConfig ?? webApi.retryPolicies.fiveRetriesInFiveMinutes,
  };
  const mode = config.appToken ? 'socket' : 'http';
  let state = 'stopped';
  let httpPort: number | undefined;
  const postClient = new webApi.WebClient(config.botToken, {
    ...(slackApiUrl ? { slackApiUrl } : {}),
    retryConfig: { retries: 0 },
    timeout: POST_TIMEOUT_MS,
    logger: boltLogger,
  });
  const diagrams = options.diagrams ? slackDiagrams(options.diagrams, options.publicUrl) : undefined;
  const poster = createSlackDailyPoster(postClient, logger, diagrams);

  const service: SlackService = {
    name: 'slack',
    mode,
    servesHealth: true,
    port: () => httpPort,
    health: (): ServiceHealth => ({
      ok: state === 'connected' || state === 'listening',
      state,
      mode,
      ...(httpPort !== undefined ? { port: httpPort } : {}),
    }),
    start,
    stop,
    poster,
  };
  const health = options.health ?? (() => healthReport([service]));

  let socketReceiver: SocketModeReceiver | undefined;
  let httpReceiver: HTTPReceiver | undefined;
  if (config.appToken) {
    socketReceiver = new SocketModeReceiver({
      appToken: config.appToken,
      logger: boltLogger,
      installerOptions: { clientOptions: { ...clientOptions } },
    });
    for (const event of ['connecting', 'connected', 'reconnecting', 'disconnecting', 'disconnected']) {
      socketReceiver.client.on(event, () => {
        state = event;
        logger.info({ state }, 'socket mode');
      });
    }
  } else {
    httpReceiver = new HTTPReceiver({
      signingSecret: config.signingSecret ?? '',
      // The guard in front (guardSlackRequests) verifies every request to /slack/events with Bolt's own
      // verifySlackRequest, and the future timestamps Bolt lets through; a second check here would
      // only cost another HMAC and a timing-safe compare per request. Bolt's start() is never used.
      signatureVerification: false,
      logger: boltLogger,
      processEventErrorHandler: harmlessProcessEventErrorHandler(logger),
      customRoutes: [
        ...HEALTH_PATHS.map((path) => ({
          path,
          method: ['GET'],
          handler: (_req: IncomingMessage, res: ServerResponse) => sendHealth(res, health(), path),
        })),
        ...(options.diagrams
          ? [
              {
                path: DIAGRAM_ROUTE,
                method: ['GET', 'HEAD'],
                handler: (req: IncomingMessage, res: ServerResponse) =>
                  sendDiagram(req, res, options.diagrams),
              },
            ]
          : []),
        ...(options.metrics
          ? [
              {
                path: METRICS_PATH,
                method: ['GET'],
                handler: (_req: IncomingMessage, res: ServerResponse) =>
                  sendMetrics(res, options.metrics as MetricsSource),
              },
            ]
          : []),
      ],
    });
  }
  const receiver = socketReceiver ?? httpReceiver;
  const app = new App({
    token: config.botToken,
    receiver,
    logger: boltLogger,
    clientOptions,
    deferInitialization: true,
    // No conversation state is kept between messages: skip the store middleware Bolt runs on every request.
    convoStore: false,
  });
  registerSlackListeners(app, {
    conversation: options.conversation,
    logger,
    dedupe: createEventDedupe({
      ...(options.seenEvent ? { shared: options.seenEvent } : {}),
      onSharedError: (error) =>
        logger.warn(
          { err: error instanceof Error ? error.message : String(error) },
          'event dedupe: the store failed; answering',
        ),
    }),
    canPost: (channelId) => poster.checkCanPost(channelId),
    ...(options.adminsOnlyForDaily ? { isAdmin: isWorkspaceAdmin } : {}),
    ...(options.ackBudgetMs !== undefined ? { ackBudgetMs: options.ackBudgetMs } : {}),
    ...(diagrams ? { diagrams } : {}),
  });

  let server: Server | undefined;

  /** HTTP mode: Bolt's request listener behind the guard, on our own server (Bolt's start() is not used). */
  async function listenHttp(receiver: HTTPReceiver): Promise<Server> {
    const guarded = guardSlackRequests(receiver.requestListener, {
      signingSecret: config.signingSecret ?? '',
      logger,
    });
    const http = createServer(guarded);
    await new Promise<void>((resolve, reject) => {
      http.once('error', reject);
      http.listen(options.port, options.host, () => resolve());
    });
    return http;
  }

  const unreachable = () =>
    `Slack's Web API${config.apiUrl ? ` at SLACK_API_URL (${config.apiUrl})` : ''} did not answer within ${STARTUP_WAIT_MS / 1000} s`;

  async function start(): Promise<void> {
    state = 'starting';
    if (socketReceiver) {
      // /healthz answers from the first moment (503 while connecting), not only once Slack is reached.
      ({ server, port: httpPort } = await startHealthServer(
        options.port,
        options.host,
        health,
        options.metrics,
        options.diagrams,
      ).catch((error: unknown) => {
        throw listenError(error, options.port, options.host);
      }));
    }
    try {
      // auth.test: a wrong SLACK_BOT_TOKEN fails here, at startup, and an unreachable Slack within seconds.
      await withinStartup(app.init(), STARTUP_WAIT_MS, unreachable()).catch((error: unknown) => {
        throw slackStartupError(error, unreachable());
      });
      if (httpReceiver) {
        server = await listenHttp(httpReceiver).catch((error: unknown) => {
          throw listenError(error, options.port, options.host);
        });
        httpPort = (server.address() as AddressInfo).port;
        state = 'listening';
        logger.info({ mode, host: options.host, port: httpPort, path: SLACK_EVENTS_PATH }, 'slack listening');
      } else {
        await withinStartup(app.start(), STARTUP_WAIT_MS, unreachable());
        state = 'connected';
        logger.info({ mode, port: httpPort }, 'slack connected');
      }
    } catch (error) {
      await closeServer();
      state = 'stopped';
      throw error;
    }
  }

  async function closeServer(): Promise<void> {
    const open = server;
    server = undefined;
    httpPort = undefined;
    if (!open) return;
    open.closeAllConnections();
    await new Promise<void>((resolve) => open.close(() => resolve()));
  }

  async function stop(): Promise<void> {
    if (state === 'stopped') return;
    if (socketReceiver) await app.stop();
    await closeServer();
    state = 'stopped';
  }

  return service;
}
