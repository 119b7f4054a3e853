import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type WebSocket, WebSocketServer } from 'ws';
import type { SlackService } from '../../../src/adapters/slack/slack-app.js';
import { type FakeSlack, startFakeSlack } from '../../fakes/fake-slack.js';
import { limitProblems } from './check-limits.js';
import { eventually, testSlackService } from './harness.js';

describe('Slack in Socket Mode against a local WebSocket', () => {
  let fake: FakeSlack;
  let wss: WebSocketServer;
  let service: SlackService;
  const received: Record<string, unknown>[] = [];
  const sockets: WebSocket[] = [];

  beforeAll(async () => {
    fake = await startFakeSlack();
    wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
    fake.socketUrl = `ws://127.0.0.1:${(wss.address() as AddressInfo).port}/link`;
    wss.on('connection', (socket) => {
      sockets.push(socket);
      socket.on('message', (data) => received.push(JSON.parse(String(data))));
      socket.send(JSON.stringify({ type: 'hello', num_connections: 1 }));
    });
    service = testSlackService({ botToken: 'xoxb-socket', appToken: 'xapp-socket', apiUrl: fake.apiUrl });
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
    expect(open[0]?.authorization).toBe('Bearer xapp-socket');
    expect(service.mode).toBe('socket');
    expect(service.servesHealth).toBe(false);
    expect(service.health()).toEqual({ ok: true, state: 'connected', mode: 'socket' });
  });

  it('acks a slash command envelope with the answer in its payload', async () => {
    sockets[0]?.send(
      JSON.stringify({
        envelope_id: 'env-1',
        type: 'slash_commands',
        accepts_response_payload: true,
        payload: {
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
