import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type WebSocket, WebSocketServer } from 'ws';
import { redactSlackSecrets } from '../../../src/adapters/slack/bolt-logger.js';
import type { SlackService } from '../../../src/adapters/slack/slack-app.js';
import { createLogger } from '../../../src/logger.js';
import { type FakeSlack, startFakeSlack } from '../../fakes/fake-slack.js';
import { limitProblems } from './check-limits.js';
import { eventually, testSlackService } from './harness.js';

describe('Slack in Socket Mode against a local WebSocket', () => {
  let fake: FakeSlack;
  let wss: WebSocketServer;
  let service: SlackService;
  const received: Record<string, unknown>[] = [];
  const sockets: WebSocket[] = [];
  const logLines: string[] = [];
  const TICKET = 'tkt-0123456789abcdef-secret';
  let healthBeforeConnect: { status: number; body: unknown } | undefined;

  beforeAll(async () => {
    fake = await startFakeSlack();
    wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
    fake.socketUrl = `ws://127.0.0.1:${(wss.address() as AddressInfo).port}/link/?ticket=${TICKET}&app_id=A0APP`;
    wss.on('connection', async (socket) => {
      sockets.push(socket);
      socket.on('message', (data) => received.push(JSON.parse(String(data))));
      // Before Slack says hello, /healthz is already served, and says "not yet".
      const res = await fetch(`http://127.0.0.1:${service.port()}/healthz`);
      healthBeforeConnect = { status: res.status, body: await res.json() };
      socket.send(JSON.stringify({ type: 'hello', num_connections: 1 }));
    });
    const sink = new Writable({
      write(chunk, _encoding, done) {
        logLines.push(String(chunk));
        done();
      },
    });
    service = testSlackService(
      { botToken: 'xoxb-socket-secret', appToken: 'xapp-socket-secret', apiUrl: fake.apiUrl },
      { logger: createLogger('debug', sink) },
    );
    await service.start();
  });

  afterAll(async () => {
    await service.stop();
    for (const socket of sockets) socket.terminate();
    await new Promise((resolve) => wss.close(resolve));
    await fake.close();
  });

  it('opens the connection with the app token and reports itself connected', () => {
    const open = fake.callsTo('apps.connections.open');
    expect(open).toHaveLength(1);
    expect(open[0]?.authorization).toBe('Bearer xapp-socket-secret');
    expect(service.mode).toBe('socket');
    expect(service.health()).toMatchObject({ ok: true, state: 'connected', mode: 'socket' });
  });

  it('serves /healthz from the first moment: 503 while connecting, 200 once connected', async () => {
    expect(service.servesHealth).toBe(true);
    expect(healthBeforeConnect?.status).toBe(503);
    expect(healthBeforeConnect?.body).toMatchObject({ ok: false, services: { slack: { mode: 'socket' } } });
    const res = await fetch(`http://127.0.0.1:${service.port()}/healthz`);
    expect(res.status).toBe(200);
  });

  it('never logs the connection ticket or a token, even at debug level', () => {
    const all = logLines.join('');
    expect(all).toContain('apps.connections.open'); // the SDK did log the call at debug level
    expect(all).toContain('?[redacted]');
    expect(all).not.toContain(TICKET);
    expect(all).not.toContain('xapp-socket-secret');
    expect(all).not.toContain('xoxb-socket-secret');
  });

  it('acks a slash command envelope with the answer in its payload', async () => {
    sockets[0]?.send(
      JSON.stringify({
        envelope_id: 'env-1',
        type: 'slash_commands',
        accepts_response_payload: true,
        payload: {
          token: 'legacy-verification-token-secret',
          team_id: 'T0TEST',
          channel_id: 'C0CHANNEL',
          user_id: 'U0ASKER',
          command: '/pattern',
          text: 'saga',
          response_url: fake.responseUrl('socket'),
          trigger_id: '1.2.3',
        },
      }),
    );
    await eventually(() => expect(received.find((m) => m.envelope_id === 'env-1')).toBeDefined());
    const ack = received.find((m) => m.envelope_id === 'env-1') as { payload: Record<string, unknown> };
    expect(ack.payload.response_type).toBe('ephemeral');
    expect(JSON.stringify(ack.payload.blocks)).toContain('Saga Pattern');
    expect(limitProblems(ack.payload)).toEqual([]);
    // socket-mode logs every message it receives at debug level: the payload's token is redacted.
    expect(logLines.join('')).toContain('Received a message on the WebSocket');
    expect(logLines.join('')).not.toContain('legacy-verification-token-secret');
  });
});

describe('redactSlackSecrets', () => {
  it.each([
    [
      'result: {"url":"wss://wss-primary.slack.com/link/?ticket=abc-123&app_id=A1"}',
      'result: {"url":"wss://wss-primary.slack.com/link/?[redacted]"}',
    ],
    ['token xoxb-1-2-abc and xapp-1-A1-2-def, xoxe-1-zzz', 'token [redacted] and [redacted], [redacted]'],
    [
      'Received a message: {"token":"legacy-verification-token","team_id":"T1"}',
      'Received a message: {"token":"[redacted]","team_id":"T1"}',
    ],
    ['nothing secret here', 'nothing secret here'],
  ])('%s', (line, safe) => {
    expect(redactSlackSecrets(line)).toBe(safe);
  });
});

describe('Slack in HTTP mode serving the whole process’s health', () => {
  it('answers /healthz with the report main hands it, 503 when a service is down', async () => {
    const fake = await startFakeSlack();
    let down = false;
    const service: SlackService = testSlackService(
      { botToken: 'xoxb-h', signingSecret: 's', apiUrl: fake.apiUrl },
      {
        health: () => ({
          ok: !down,
          services: {
            slack: service.health(),
            discord: { ok: !down, state: down ? 'disconnected' : 'connected' },
          },
        }),
      },
    );
    try {
      expect(service.servesHealth).toBe(true);
      await service.start();
      const url = `http://127.0.0.1:${service.port()}/healthz`;
      expect((await fetch(url)).status).toBe(200);
      down = true;
      const res = await fetch(url);
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ ok: false, services: { discord: { state: 'disconnected' } } });
    } finally {
      await service.stop();
      await fake.close();
    }
    expect(service.health()).toMatchObject({ ok: false, state: 'stopped' });
  });
});
