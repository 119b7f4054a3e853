import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';

/**
 * A local Discord for tests and the benchmark: a REST server (`/api/v10/...`) and a gateway
 * (plain JSON, no compression: discord.js only asks for zlib-stream when `zlib-sync` is installed).
 * It records what the bot sends and lets tests dispatch gateway events.
 */

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingMessage['headers'];
  readonly body: unknown;
  /** The files of a multipart request (attachments), by their form field (`files[0]`…). */
  readonly files?: readonly RecordedFile[];
  /** performance.now() when the request body arrived. */
  readonly at: number;
}

export interface RecordedFile {
  readonly field: string;
  readonly name: string;
  readonly type: string;
  readonly bytes: Buffer;
}

/**
 * A multipart body as discord.js sends attachments: a `payload_json` part (the JSON body) and one
 * part per file. Parsed with the platform's own form-data reader.
 */
async function parseMultipart(
  contentType: string,
  raw: Buffer,
): Promise<{ body: unknown; files: RecordedFile[] }> {
  const form = await new Response(raw, { headers: { 'content-type': contentType } }).formData();
  const files: RecordedFile[] = [];
  let body: unknown;
  for (const [field, value] of form) {
    if (typeof value === 'string') {
      if (field === 'payload_json') body = JSON.parse(value);
    } else {
      files.push({
        field,
        name: value.name,
        type: value.type,
        bytes: Buffer.from(await value.arrayBuffer()),
      });
    }
  }
  return { body, files };
}

export interface FakeResponse {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
}

export interface FakeUser {
  readonly id: string;
  readonly username: string;
  readonly discriminator: string;
  readonly global_name: string | null;
  readonly avatar: null;
  readonly bot?: boolean;
}

type Matcher = (request: RecordedRequest) => boolean;
type Json = Record<string, unknown>;

const user = (id: string, username: string, bot = false): FakeUser => ({
  id,
  username,
  discriminator: '0',
  global_name: bot ? null : username,
  avatar: null,
  ...(bot ? { bot: true } : {}),
});

export const BOT_USER = user('900000000000000001', 'pattern-bot', true);
export const APPLICATION_ID = BOT_USER.id;
export const ALICE = user('100000000000000001', 'alice');
export const BOB = user('100000000000000002', 'bob');
export const GUILD_ID = '200000000000000001';
export const CHANNEL_ID = '300000000000000001';
export const DM_CHANNEL_ID = '300000000000000009';
/** The bot's managed role, which a role ping mentions. */
export const BOT_ROLE_ID = '400000000000000001';
export const COMMAND_ID = '500000000000000001';
export const BOT_TOKEN = 'fake-bot-token.for-tests-only';

export interface FakeDiscordOptions {
  /** The heartbeat interval the gateway's HELLO asks for (Discord's is 41,250 ms). */
  readonly heartbeatIntervalMs?: number;
}

export class FakeDiscord {
  readonly requests: RecordedRequest[] = [];
  /** IDENTIFY payloads received on the gateway. */
  readonly identifies: Json[] = [];
  /** RESUME payloads received on the gateway. */
  readonly resumes: Json[] = [];
  /** Heartbeats (op 1) received on the gateway, by time. */
  readonly heartbeats: number[] = [];
  /** False: heartbeats go unacknowledged (a gateway that stopped answering). */
  ackHeartbeats = true;
  /** Set: the gateway answers IDENTIFY by closing with this code (4004 bad token, 4014 disallowed intent). */
  closeOnIdentify: number | undefined;
  /** Application commands by scope (`global` or a guild ID), as last PUT. */
  readonly commands = new Map<string, Json[]>();
  private readonly faults: { match: Matcher; response: FakeResponse; times: number }[] = [];
  private readonly waiters: { match: Matcher; resolve: (request: RecordedRequest) => void }[] = [];
  private readonly sockets = new Set<WebSocket>();
  private readonly server: Server;
  private readonly gateway: WebSocketServer;
  private sequence = 0;
  private nextId = 600000000000000000n;
  private port = 0;
  private readonly heartbeatIntervalMs: number;

  private constructor(options: FakeDiscordOptions) {
    this.heartbeatIntervalMs = options.heartbeatIntervalMs ?? 41_250;
    this.server = createServer((req, res) => void this.handle(req, res));
    this.gateway = new WebSocketServer({ server: this.server });
    this.gateway.on('connection', (socket) => this.connect(socket));
  }

  static async start(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
    const fake = new FakeDiscord(options);
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    fake.port = (fake.server.address() as AddressInfo).port;
    return fake;
  }

  /** The value for DISCORD_API_URL (discord.js `rest.api` form: no version). */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}`;
  }

  snowflake(): string {
    this.nextId += 1n;
    return this.nextId.toString();
  }

  /** Answers the next `times` requests that match with `response` instead of the normal one. */
  fault(match: Matcher, response: FakeResponse, times = 1): void {
    this.faults.push({ match, response, times });
  }

  /** The first request (already made or still to come) that matches. */
  waitForRequest(match: Matcher, timeoutMs = 5000): Promise<RecordedRequest> {
    const found = this.requests.find(match);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error('fake Discord: no matching request in time')),
        timeoutMs,
      );
      this.waiters.push({
        match,
        resolve: (request) => {
          clearTimeout(timer);
          resolve(request);
        },
      });
    });
  }

  callback(id: string, token: string, timeoutMs?: number): Promise<RecordedRequest> {
    return this.waitForRequest((r) => r.path === `/api/v10/interactions/${id}/${token}/callback`, timeoutMs);
  }

  /** Sends a gateway dispatch to every connected client. */
  dispatch(type: string, data: unknown): void {
    this.sequence += 1;
    const frame = JSON.stringify({ op: 0, t: type, s: this.sequence, d: data });
    for (const socket of this.sockets) socket.send(frame);
  }

  /** Sends a frame as it is (any JSON, even one Discord would never send) to every connected client. */
  sendFrame(frame: unknown): void {
    const text = JSON.stringify(frame);
    for (const socket of this.sockets) socket.send(text);
  }

  /** How many gateway connections are open. */
  get connections(): number {
    return this.sockets.size;
  }

  /** Closes every gateway connection with `code` (a resumable 4000 by default), as Discord does on a restart. */
  closeGateway(code = 4000): void {
    for (const socket of this.sockets) socket.close(code, 'closed by the fake');
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.terminate();
    await new Promise<void>((resolve) => this.gateway.close(() => resolve()));
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  // ---- gateway ----

  private connect(socket: WebSocket): void {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.send(JSON.stringify({ op: 10, d: { heartbeat_interval: this.heartbeatIntervalMs } }));
    socket.on('message', (raw) => {
      const frame = JSON.parse(String(raw)) as { op: number; d: unknown };
      if (frame.op === 1) {
        this.heartbeats.push(Date.now());
        if (this.ackHeartbeats) socket.send(JSON.stringify({ op: 11 }));
      }
      if (frame.op === 2) {
        if (this.closeOnIdentify !== undefined) socket.close(this.closeOnIdentify, 'refused by the fake');
        else this.identify(socket, frame.d as Json);
      }
      if (frame.op === 6) this.resume(socket, frame.d as Json);
    });
  }

  private resume(socket: WebSocket, payload: Json): void {
    this.resumes.push(payload);
    this.sequence += 1;
    socket.send(JSON.stringify({ op: 0, t: 'RESUMED', s: this.sequence, d: {} }));
  }

  private identify(socket: WebSocket, payload: Json): void {
    this.identifies.push(payload);
    const send = (t: string, d: unknown) => {
      this.sequence += 1;
      socket.send(JSON.stringify({ op: 0, t, s: this.sequence, d }));
    };
    send('READY', {
      v: 10,
      user: BOT_USER,
      guilds: [],
      session_id: `session-${this.identifies.length}`,
      resume_gateway_url: this.gatewayUrl,
      shard: [0, 1],
      application: { id: APPLICATION_ID, flags: 0 },
    });
    send('GUILD_CREATE', this.guild());
  }

  private guild(): Json {
    const role = (id: string, name: string, managed: boolean) => ({
      id,
      name,
      color: 0,
      hoist: false,
      position: managed ? 1 : 0,
      permissions: '274878024704',
      managed,
      mentionable: true,
      flags: 0,
    });
    return {
      id: GUILD_ID,
      name: 'Fake Guild',
      icon: null,
      owner_id: ALICE.id,
      joined_at: new Date(0).toISOString(),
      large: false,
      unavailable: false,
      member_count: 3,
      features: [],
      roles: [role(GUILD_ID, '@everyone', false), role(BOT_ROLE_ID, 'pattern-bot', true)],
      channels: [
        {
          id: CHANNEL_ID,
          type: 0,
          name: 'general',
          guild_id: GUILD_ID,
          position: 0,
          permission_overwrites: [],
        },
      ],
      members: [
        {
          user: BOT_USER,
          roles: [BOT_ROLE_ID],
          joined_at: new Date(0).toISOString(),
          deaf: false,
          mute: false,
          flags: 0,
        },
      ],
      threads: [],
      presences: [],
      voice_states: [],
      emojis: [],
      stickers: [],
      stage_instances: [],
      guild_scheduled_events: [],
      preferred_locale: 'en-US',
    };
  }

  // ---- REST ----

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const url = new URL(req.url ?? '/', 'http://fake');
    const contentType = req.headers['content-type'] ?? '';
    const parsed = contentType.startsWith('multipart/form-data')
      ? await parseMultipart(contentType, raw)
      : { body: raw.length > 0 ? JSON.parse(raw.toString('utf8')) : undefined };
    const request: RecordedRequest = {
      method: req.method ?? 'GET',
      path: decodeURIComponent(url.pathname),
      query: url.searchParams,
      headers: req.headers,
      ...parsed,
      at: performance.now(),
    };
    this.requests.push(request);
    const fault = this.faults.find((f) => f.times > 0 && f.match(request));
    if (fault) fault.times -= 1;
    const response = fault ? fault.response : this.route(request);
    res.writeHead(response.status, {
      ...(response.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...response.headers,
    });
    res.end(response.body !== undefined ? JSON.stringify(response.body) : undefined);
    for (const waiter of [...this.waiters]) {
      if (waiter.match(request)) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve(request);
      }
    }
  }

  private route(request: RecordedRequest): FakeResponse {
    const { method, path } = request;
    const body = (request.body ?? {}) as Json;
    if (method === 'GET' && path === '/api/v10/gateway/bot') {
      return {
        status: 200,
        body: {
          url: this.gatewayUrl,
          shards: 1,
          session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 },
        },
      };
    }
    if (method === 'GET' && path === '/api/v10/users/@me') return { status: 200, body: BOT_USER };
    if (method === 'POST' && /^\/api\/v10\/interactions\/\d+\/[^/]+\/callback$/.test(path))
      return { status: 204 };
    const webhook = /^\/api\/v10\/webhooks\/\d+\/[^/]+(\/messages\/(@original|\d+))?$/.exec(path);
    if (webhook && (method === 'PATCH' || method === 'POST')) {
      return { status: 200, body: this.message(CHANNEL_ID, body, { webhook_id: APPLICATION_ID }) };
    }
    const thread = /^\/api\/v10\/channels\/(\d+)\/messages\/(\d+)\/threads$/.exec(path);
    if (thread?.[1] && method === 'POST') {
      return {
        status: 201,
        body: {
          id: thread[2],
          type: 11,
          guild_id: GUILD_ID,
          parent_id: thread[1],
          name: body.name,
          owner_id: BOT_USER.id,
          thread_metadata: {
            archived: false,
            auto_archive_duration: body.auto_archive_duration ?? 1440,
            archive_timestamp: new Date().toISOString(),
            locked: false,
          },
        },
      };
    }
    const channel = /^\/api\/v10\/channels\/(\d+)\/messages$/.exec(path);
    if (channel?.[1] && method === 'POST') return { status: 200, body: this.message(channel[1], body) };
    const commands = /^\/api\/v10\/applications\/\d+(?:\/guilds\/(\d+))?\/commands$/.exec(path);
    if (commands) {
      const scope = commands[1] ?? 'global';
      if (method === 'PUT') {
        const list = (request.body as Json[]).map((command) => ({
          id: this.snowflake(),
          application_id: APPLICATION_ID,
          version: this.snowflake(),
          ...(scope === 'global' ? {} : { guild_id: scope }),
          ...command,
        }));
        this.commands.set(scope, list);
        return { status: 200, body: list };
      }
      if (method === 'GET') return { status: 200, body: this.commands.get(scope) ?? [] };
    }
    return { status: 404, body: { message: 'Unknown route', code: 0 } };
  }

  /** A message object as Discord returns it for what the bot posted. */
  message(channelId: string, body: Json, extra: Json = {}): Json & { id: string } {
    return {
      id: this.snowflake(),
      channel_id: channelId,
      author: BOT_USER,
      content: body.content ?? '',
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      embeds: body.embeds ?? [],
      components: body.components ?? [],
      pinned: false,
      type: body.message_reference ? 19 : 0,
      flags: 0,
      ...extra,
    };
  }
}
