import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A Web API call the fake received, with its form or JSON fields decoded (`blocks`, `view` parsed). */
export interface WebApiCall {
  readonly method: string;
  readonly args: Record<string, unknown>;
  readonly authorization: string | undefined;
}

/** A POST to a response_url the fake handed out. */
export interface ResponseUrlPost {
  readonly id: string;
  readonly body: Record<string, unknown>;
}

/** Bytes sent to an upload URL the fake handed out (`files.getUploadURLExternal`). */
export interface FileUpload {
  readonly fileId: string;
  readonly contentType: string | undefined;
  readonly body: Buffer;
}

/** How the fake fails a call: a Slack error (`ok: false`) or an HTTP status. */
export type FakeFailure =
  | { readonly error: string }
  | { readonly status: number; readonly retryAfter?: number };

export interface FakeSlack {
  /** The Web API base to give the client (`slackApiUrl`). */
  readonly apiUrl: string;
  readonly calls: WebApiCall[];
  readonly responsePosts: ResponseUrlPost[];
  /** What `files.uploadV2` sent to the upload URLs, in order. */
  readonly uploads: FileUpload[];
  /** A response_url that records what is posted to it. */
  responseUrl(id: string): string;
  /** Answers the next posts to response_urls with these HTTP statuses, in order (200 passes). */
  failResponsePosts(...statuses: number[]): void;
  /** Fails the next `times` calls of a method. */
  failNext(method: string, failure: FakeFailure, times?: number): void;
  /** Leaves the next call of a method unanswered (recorded as it arrives) until `release` is called. */
  holdNext(method: string): { release(): void };
  /** Channels `conversations.info` says the bot is not a member of. */
  readonly notMemberOf: Set<string>;
  /** Users `users.info` says are workspace admins. */
  readonly admins: Set<string>;
  /** What `apps.connections.open` returns (Socket Mode). */
  socketUrl: string | undefined;
  callsTo(method: string): WebApiCall[];
  reset(): void;
  close(): Promise<void>;
}

export const FAKE_BOT_USER_ID = 'UBOT000';
export const FAKE_BOT_ID = 'BBOT000';
export const FAKE_TEAM_ID = 'T0TEST';

const JSON_FIELDS = new Set(['blocks', 'view', 'attachments', 'metadata']);

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function parseArgs(contentType: string | undefined, raw: string): Record<string, unknown> {
  if (contentType?.includes('application/json'))
    return raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    args[key] = JSON_FIELDS.has(key) ? JSON.parse(value) : value;
  }
  return args;
}

function reply(
  method: string,
  args: Record<string, unknown>,
  count: number,
  fake: FakeSlack,
  base: string,
): object {
  switch (method) {
    // files.uploadV2: ask for an upload URL, send the bytes there, then complete the upload into a channel.
    case 'files.getUploadURLExternal':
      return { ok: true, upload_url: `${base}/upload/F${count}`, file_id: `F${count}` };
    case 'files.completeUploadExternal':
      return { ok: true, files: [{ id: 'F1', title: 'uploaded' }] };
    case 'conversations.info':
      return {
        ok: true,
        channel: {
          id: args.channel,
          is_member: !fake.notMemberOf.has(String(args.channel)),
          is_archived: false,
        },
      };
    case 'users.info':
      return { ok: true, user: { id: args.user, is_admin: fake.admins.has(String(args.user)) } };
    case 'auth.test':
      return {
        ok: true,
        user_id: FAKE_BOT_USER_ID,
        bot_id: FAKE_BOT_ID,
        team_id: FAKE_TEAM_ID,
        team: 'Test',
      };
    case 'chat.postMessage':
      return { ok: true, channel: args.channel, ts: `1700000000.${String(count).padStart(6, '0')}` };
    case 'chat.postEphemeral':
      return { ok: true, message_ts: `1700000000.${String(count).padStart(6, '0')}` };
    case 'apps.connections.open':
      return fake.socketUrl ? { ok: true, url: fake.socketUrl } : { ok: false, error: 'invalid_auth' };
    default:
      return { ok: true };
  }
}

/** A local stand-in for slack.com: records every Web API call and response_url post. */
export async function startFakeSlack(): Promise<FakeSlack> {
  const calls: WebApiCall[] = [];
  const responsePosts: ResponseUrlPost[] = [];
  const uploads: FileUpload[] = [];
  const failures = new Map<string, FakeFailure[]>();
  const responseFailures: number[] = [];
  const holds = new Map<string, Promise<void>[]>();
  let count = 0;

  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    const bytes = await readBody(req);
    if (url.pathname.startsWith('/upload/')) {
      uploads.push({
        fileId: url.pathname.slice('/upload/'.length),
        contentType: req.headers['content-type'],
        body: bytes,
      });
      res.writeHead(200, { 'content-type': 'text/plain' }).end('OK - uploaded');
      return;
    }
    const raw = bytes.toString('utf8');
    const send = (status: number, body: object, headers: Record<string, string> = {}) =>
      res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
    if (url.pathname.startsWith('/response/')) {
      responsePosts.push({ id: url.pathname.slice('/response/'.length), body: JSON.parse(raw) });
      const status = responseFailures.shift() ?? 200;
      send(status, status === 200 ? { ok: true } : { ok: false, error: 'expired_url' });
      return;
    }
    const method = url.pathname.replace(/^\/api\//, '');
    const args = parseArgs(req.headers['content-type'], raw);
    calls.push({ method, args, authorization: req.headers.authorization });
    count += 1;
    const hold = holds.get(method)?.shift();
    if (hold) await hold;
    const failure = failures.get(method)?.shift();
    if (failure && 'error' in failure) send(200, { ok: false, error: failure.error });
    else if (failure) {
      send(
        failure.status,
        { ok: false },
        failure.retryAfter !== undefined ? { 'retry-after': String(failure.retryAfter) } : {},
      );
    } else send(200, reply(method, args, count, fake, base));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const fake: FakeSlack = {
    apiUrl: `${base}/api/`,
    calls,
    notMemberOf: new Set(),
    admins: new Set(),
    responsePosts,
    uploads,
    socketUrl: undefined,
    responseUrl: (id) => `${base}/response/${id}`,
    failNext(method, failure, times = 1) {
      failures.set(method, [...(failures.get(method) ?? []), ...Array<FakeFailure>(times).fill(failure)]);
    },
    holdNext(method) {
      let release = () => {};
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      holds.set(method, [...(holds.get(method) ?? []), held]);
      return { release };
    },
    failResponsePosts: (...statuses) => {
      responseFailures.push(...statuses);
    },
    callsTo: (method) => calls.filter((call) => call.method === method),
    reset() {
      calls.length = 0;
      responsePosts.length = 0;
      uploads.length = 0;
      failures.clear();
      holds.clear();
      responseFailures.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return fake;
}

/** The headers Slack signs a request with (v0 HMAC-SHA256 over `v0:timestamp:body`). */
export function slackSignature(
  secret: string,
  body: string,
  timestamp = Math.floor(Date.now() / 1000),
): Record<string, string> {
  const signature = createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex');
  return { 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': `v0=${signature}` };
}

/** A slash command's form body, as Slack sends it. */
export function slashCommandBody(
  text: string,
  responseUrl: string,
  extra: Record<string, string> = {},
): string {
  return new URLSearchParams({
    token: 'legacy-verification-token',
    team_id: FAKE_TEAM_ID,
    team_domain: 'test',
    channel_id: 'C0CHANNEL',
    channel_name: 'general',
    user_id: 'U0ASKER',
    user_name: 'asker',
    command: '/pattern',
    text,
    api_app_id: 'A0APP',
    response_url: responseUrl,
    trigger_id: '123.456.abc',
    ...extra,
  }).toString();
}
