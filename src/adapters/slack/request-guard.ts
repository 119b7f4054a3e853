import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { parse as parseQuery } from 'node:querystring';
import {
  AuthorizationError,
  type BufferedIncomingMessage,
  HTTPModuleFunctions,
  type ReceiverProcessEventErrorHandlerArgs,
  verifySlackRequest,
} from '@slack/bolt';
import type { Logger } from '../../logger.js';

/** Where Slack posts events, commands and interactions in HTTP mode (Bolt's default endpoint). */
export const SLACK_EVENTS_PATH = '/slack/events';
/** Slack's window for `X-Slack-Request-Timestamp`, both ways; Bolt checks only the past. */
export const MAX_CLOCK_SKEW_SEC = 5 * 60;

export interface RequestGuardOptions {
  readonly signingSecret: string;
  readonly logger: Logger;
  readonly bodyLimit?: number;
  readonly now?: () => number;
}

type Verdict =
  | { readonly pass: true }
  | { readonly pass: false; readonly status: 200 | 400 | 401 | 413; readonly reason: string };

/** Event fields Bolt's own middleware reads as strings, before any listener can check them. */
const EVENT_STRING_FIELDS = [
  'subtype',
  'channel',
  'user',
  'text',
  'ts',
  'thread_ts',
  'event_ts',
  'channel_type',
  'tab',
];

const refuse = (status: 200 | 400 | 401 | 413, reason: string): Verdict => ({ pass: false, status, reason });
const PASS: Verdict = { pass: true };

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return typeof value === 'string' ? value : undefined;
}

/** The body, or undefined past the limit (read with plain stream events: cheaper than an async iterator). */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > limit ? undefined : Buffer.concat(chunks, size)));
    req.on('error', reject);
  });
}

/** The timestamp, when it is a whole number of seconds within Slack's window of now (past or future). */
function timestampProblem(raw: string | undefined, nowSec: number): string | undefined {
  if (raw === undefined || !/^\d{1,12}$/.test(raw)) return 'timestamp missing or not a number';
  const skew = Number(raw) - nowSec;
  if (skew > MAX_CLOCK_SKEW_SEC) return 'timestamp in the future';
  if (skew < -MAX_CLOCK_SKEW_SEC) return 'timestamp stale';
  return undefined;
}

/**
 * What Bolt's listeners may be handed. Anything else a signed request carries (a body that is not an
 * object, an event that is not one, a click with no user) is answered here, harmlessly, because Bolt
 * would throw on it (a 500, or an unhandled rejection) or leave it unacked for 3 s.
 */
function shapeVerdict(body: unknown, log: Logger): Verdict {
  if (!isObject(body)) return refuse(400, 'body is not an object');
  if (body.type === 'url_verification') return PASS;
  if (body.type === 'app_rate_limited') {
    log.warn(
      { teamId: body.team_id, minuteRateLimited: body.minute_rate_limited },
      'slack rate-limited our events',
    );
    return refuse(200, 'app_rate_limited acked');
  }
  if (body.type === 'event_callback') {
    const { event } = body;
    if (!isObject(event) || typeof event.type !== 'string')
      return refuse(200, 'event is not an object with a type');
    if (EVENT_STRING_FIELDS.some((key) => event[key] !== undefined && typeof event[key] !== 'string')) {
      return refuse(200, 'event field of the wrong type');
    }
    if (typeof body.event_id !== 'string') return refuse(200, 'event_id missing');
    return PASS;
  }
  if (body.type === 'block_actions') {
    const { actions, user } = body;
    if (!isObject(user) || typeof user.id !== 'string') return refuse(200, 'click with no user');
    if (!Array.isArray(actions) || actions.length === 0 || !actions.every(isObject)) {
      return refuse(200, 'click with no actions');
    }
    return PASS;
  }
  if (body.type === undefined && 'command' in body) {
    const ok = ['command', 'user_id', 'channel_id'].every((key) => typeof body[key] === 'string');
    return ok ? PASS : refuse(200, 'slash command with missing fields');
  }
  return refuse(200, 'a request type this app does not handle');
}

/**
 * Wraps Bolt's HTTPReceiver request listener: requests to `/slack/events` are read (within the body
 * limit), their signature verified with Bolt's own `verifySlackRequest`, their timestamp held to five
 * minutes either side of now, and their shape checked, before Bolt sees them. Bolt then reuses the
 * buffered body (`rawBody`) and runs its listeners (its own signature check is off: this one replaces
 * it, so there is one HMAC per request). Every refusal is a 4xx or a
 * harmless 200, with a debug line that never holds the body.
 */
export function guardSlackRequests(next: RequestListener, options: RequestGuardOptions): RequestListener {
  const { logger, signingSecret } = options;
  const limit = options.bodyLimit ?? HTTPModuleFunctions.defaultBodyLimit;
  const now = options.now ?? Date.now;

  async function verdict(req: IncomingMessage): Promise<Verdict> {
    const timestamp = header(req, 'x-slack-request-timestamp');
    const late = timestampProblem(timestamp, Math.floor(now() / 1000));
    const raw = await readBody(req, limit);
    if (raw === undefined) return refuse(413, 'body too large');
    (req as BufferedIncomingMessage).rawBody = raw;
    const text = raw.toString('utf8');
    // Bolt reads a body as a form only for exactly this content type; so does the guard.
    const form =
      header(req, 'content-type') === 'application/x-www-form-urlencoded' ? parseQuery(text) : undefined;
    // Slack's ssl_check carries no signature: answered here, so nothing smuggled with it reaches Bolt.
    if (form?.ssl_check === '1') return refuse(200, 'ssl_check');
    if (late) return refuse(401, late);
    try {
      verifySlackRequest({
        signingSecret,
        body: text,
        headers: {
          'x-slack-signature': header(req, 'x-slack-signature') ?? '',
          'x-slack-request-timestamp': Number(timestamp),
        },
      });
    } catch {
      return refuse(401, 'signature mismatch');
    }
    let body: unknown;
    try {
      body = form ? (typeof form.payload === 'string' ? JSON.parse(form.payload) : form) : JSON.parse(text);
    } catch {
      return refuse(400, 'body is not JSON');
    }
    return shapeVerdict(body, logger);
  }

  function pass(req: IncomingMessage, res: ServerResponse): void {
    try {
      next(req, res);
    } catch {
      // Bolt throws for a path it does not serve (HTTPReceiverDeferredRequestError).
      if (!res.headersSent) res.writeHead(404).end();
    }
  }

  return (req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method !== 'POST' || path !== SLACK_EVENTS_PATH) {
      pass(req, res);
      return;
    }
    verdict(req).then(
      (result) => {
        if (result.pass) {
          pass(req, res);
          return;
        }
        logger.debug({ status: result.status, reason: result.reason }, 'slack request answered at the door');
        res.writeHead(result.status).end();
      },
      () => {
        logger.debug(
          { status: 400, reason: 'request could not be read' },
          'slack request answered at the door',
        );
        if (!res.headersSent) res.writeHead(400).end();
      },
    );
  };
}

/**
 * Bolt's `processEventErrorHandler`, for what fails inside Bolt before a listener runs: a harmless
 * 200 (Slack retries a 5xx, and the request would fail again), never the default 500.
 */
export function harmlessProcessEventErrorHandler(logger: Logger) {
  return async (args: ReceiverProcessEventErrorHandlerArgs): Promise<boolean> => {
    const name = args.error instanceof Error ? args.error.name : 'unknown';
    if (args.response.headersSent) {
      logger.warn({ bug: name }, 'Bolt failed after the request was acked');
      return false;
    }
    if (args.error instanceof AuthorizationError) {
      args.response.writeHead(401).end();
      return true;
    }
    logger.warn({ bug: name }, 'Bolt could not process a signed request: acked harmlessly');
    return true;
  };
}
