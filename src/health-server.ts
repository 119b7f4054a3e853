import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HealthReport } from './service.js';

export const HEALTH_PATH = '/healthz';

/** Answers `GET /healthz` with the report: 200 when every service is ok, 503 otherwise. */
export function healthResponse(report: HealthReport): { status: number; body: string } {
  return { status: report.ok ? 200 : 503, body: JSON.stringify(report) };
}

/** Writes the `/healthz` response; for this server and for adapters that own the port (Slack HTTP mode). */
export function sendHealth(res: ServerResponse, report: HealthReport): void {
  const { status, body } = healthResponse(report);
  res.writeHead(status, { 'content-type': 'application/json' }).end(body);
}

/** A bare HTTP server for `/healthz`, for when no adapter serves HTTP itself (Socket Mode, Discord). */
export async function startHealthServer(
  port: number,
  host: string,
  report: () => HealthReport,
): Promise<{ server: Server; port: number }> {
  const server = createServer((req, res) => {
    if (req.method === 'GET' && req.url?.split('?')[0] === HEALTH_PATH) {
      sendHealth(res, report());
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
