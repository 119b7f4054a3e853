import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isDiagramPath, sendDiagram } from './diagram-route.js';
import type { DiagramImages } from './diagrams/diagram-images.js';
import type { HealthReport } from './service.js';

export const HEALTH_PATH = '/healthz';

/**
 * The health endpoints: `/healthz` for people (every service's state; 503 when any is not ok),
 * `/livez` for an orchestrator's liveness probe (200 while the process answers at all: a platform
 * that is briefly away is no reason to restart it), `/readyz` for its readiness probe (200 when every
 * service is ok and the process is not draining for shutdown).
 */
export const HEALTH_PATHS = [HEALTH_PATH, '/livez', '/readyz'] as const;
export type HealthPath = (typeof HEALTH_PATHS)[number];

export function isHealthPath(path: string | undefined): path is HealthPath {
  return (HEALTH_PATHS as readonly string[]).includes(path ?? '');
}

/** The response to a health path, from the report. */
export function healthResponse(
  report: HealthReport,
  path: HealthPath = HEALTH_PATH,
): { status: number; body: string } {
  if (path === '/livez') return { status: 200, body: JSON.stringify({ ok: true }) };
  if (path === '/readyz') {
    const ready = report.ok && report.draining !== true;
    return {
      status: ready ? 200 : 503,
      body: JSON.stringify({ ok: ready, ...(report.draining ? { draining: true } : {}) }),
    };
  }
  return { status: report.ok ? 200 : 503, body: JSON.stringify(report) };
}

/** Writes a health response; for this server and for adapters that own the port (Slack). */
export function sendHealth(res: ServerResponse, report: HealthReport, path: HealthPath = HEALTH_PATH): void {
  const { status, body } = healthResponse(report, path);
  res.writeHead(status, { 'content-type': 'application/json' }).end(body);
}

/** Where `GET /metrics` reads from: Prometheus text and its content type. */
export interface MetricsSource {
  text(): Promise<string>;
  readonly contentType: string;
}

export const METRICS_PATH = '/metrics';

/** Writes the Prometheus metrics; a failure to collect them is a 500 with no detail. */
export function sendMetrics(res: ServerResponse, metrics: MetricsSource): void {
  metrics.text().then(
    (text) => res.writeHead(200, { 'content-type': metrics.contentType }).end(text),
    () => res.writeHead(500, { 'content-type': 'text/plain' }).end('metrics unavailable\n'),
  );
}

/**
 * A bare HTTP server for the health endpoints, `/metrics` and the diagrams (`/diagrams/<slug>.png`),
 * when no adapter serves HTTP (Socket Mode, Discord).
 */
export async function startHealthServer(
  port: number,
  host: string,
  report: () => HealthReport,
  metrics?: MetricsSource,
  diagrams?: DiagramImages,
): Promise<{ server: Server; port: number }> {
  const server = createServer((req, res) => {
    const path = req.url?.split('?')[0];
    const reads = req.method === 'GET' || req.method === 'HEAD';
    if (req.method === 'GET' && metrics && path === METRICS_PATH) {
      sendMetrics(res, metrics);
    } else if (reads && diagrams && isDiagramPath(path)) {
      sendDiagram(req, res, diagrams);
    } else if (req.method === 'GET' && isHealthPath(path)) {
      sendHealth(res, report(), path);
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return { server, port: (server.address() as AddressInfo).port };
}
