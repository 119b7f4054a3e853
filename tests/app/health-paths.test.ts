import { describe, expect, it } from 'vitest';
import { healthResponse, startHealthServer } from '../../src/health-server.js';
import type { HealthReport } from '../../src/service.js';

const up: HealthReport = { ok: true, services: { discord: { ok: true, state: 'connected' } } };
const away: HealthReport = { ok: false, services: { discord: { ok: false, state: 'reconnecting' } } };
const draining: HealthReport = { ...up, draining: true };

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
