import { describe, expect, it } from 'vitest';
import { createDiagramCache } from '../../src/diagrams/diagram-images.js';
import { healthResponse, startHealthServer } from '../../src/health-server.js';
import { createMetrics } from '../../src/metrics.js';
import type { HealthReport } from '../../src/service.js';

const up: HealthReport = { ok: true, services: { discord: { ok: true, state: 'connected' } } };
const away: HealthReport = { ok: false, services: { discord: { ok: false, state: 'reconnecting' } } };
const draining: HealthReport = { ...up, draining: true };

describe('metrics', () => {
  it('/metrics serves the Prometheus text: answers by kind and tier, cache hits, latency, deliveries, Node defaults', async () => {
    const metrics = createMetrics();
    metrics.observeAnswer({
      platform: 'slack',
      surface: 'slash',
      kind: 'pattern',
      tier: 'did-you-mean',
      cached: false,
      seconds: 0.002,
    });
    metrics.observeAnswer({
      platform: 'slack',
      surface: 'slash',
      kind: 'pattern',
      tier: 'did-you-mean',
      cached: true,
      seconds: 0.0001,
    });
    metrics.observeDelivery('discord', 'sent');
    const { server, port } = await startHealthServer(0, '127.0.0.1', () => up, metrics);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/metrics`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/plain');
      const text = await response.text();
      expect(text).toContain(
        'pattern_bot_answers_total{platform="slack",kind="pattern",tier="did-you-mean"} 2',
      );
      expect(text).toContain('pattern_bot_card_cache_total{result="hit"} 1');
      expect(text).toContain('pattern_bot_answer_seconds_count{platform="slack",surface="slash"} 2');
      expect(text).toContain('pattern_bot_daily_deliveries_total{platform="discord",outcome="sent"} 1');
      expect(text).toContain('pattern_bot_nodejs_eventloop_lag_seconds');
    } finally {
      server.close();
    }
  });
});

describe('health for people and for orchestrators', () => {
  it('/livez stays 200 while a platform is away; /readyz and /healthz say 503', () => {
    expect(healthResponse(away, '/livez').status).toBe(200);
    expect(healthResponse(away, '/readyz').status).toBe(503);
    expect(healthResponse(away, '/healthz').status).toBe(503);
    expect(JSON.parse(healthResponse(away).body)).toEqual(away);
  });

  it('/readyz is 503 while draining for shutdown, though every service is still up', () => {
    expect(healthResponse(draining, '/readyz')).toEqual({
      status: 503,
      body: '{"ok":false,"draining":true}',
    });
    expect(healthResponse(up, '/readyz').status).toBe(200);
  });

  it('the bare health server answers all three and 404 for anything else', async () => {
    const { server, port } = await startHealthServer(0, '127.0.0.1', () => away);
    try {
      const status = async (path: string) => (await fetch(`http://127.0.0.1:${port}${path}`)).status;
      expect(await Promise.all(['/livez', '/readyz', '/healthz', '/metrics-nope'].map(status))).toEqual([
        200, 503, 503, 404,
      ]);
    } finally {
      server.close();
    }
  });
});

describe('diagrams', () => {
  it('the bare server serves a drawn diagram as a cacheable PNG, HEAD too, and 404s the rest', async () => {
    const diagrams = createDiagramCache();
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 7]);
    diagrams.set('saga-pattern', { png, width: 1, height: 1 });
    const { server, port } = await startHealthServer(0, '127.0.0.1', () => up, undefined, diagrams);
    try {
      const base = `http://127.0.0.1:${port}`;
      const res = await fetch(`${base}/diagrams/saga-pattern.png`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('image/png');
      expect(res.headers.get('cache-control')).toBe('public, max-age=86400');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(new Uint8Array(await res.arrayBuffer())).toEqual(png);
      const head = await fetch(`${base}/diagrams/saga-pattern.png`, { method: 'HEAD' });
      expect([head.status, head.headers.get('content-length')]).toEqual([200, String(png.byteLength)]);
      for (const path of ['/diagrams/cqrs-pattern.png', '/diagrams/Saga-Pattern.png', '/diagrams/']) {
        const missing = await fetch(`${base}${path}`);
        expect([missing.status, missing.headers.get('content-type')], path).toEqual([404, 'text/plain']);
      }
      expect((await fetch(`${base}/diagrams/saga-pattern.png`, { method: 'POST' })).status).toBe(404);
    } finally {
      server.close();
    }
  });
});
