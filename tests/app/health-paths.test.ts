import { describe, expect, it } from 'vitest';
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
