import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DiagramImages } from './diagrams/diagram-images.js';

/** Where the bot serves a pattern's diagram: `/diagrams/<slug>.png` (what Slack's image blocks point at). */
export const DIAGRAM_ROUTE = '/diagrams/:file';
const DIAGRAM_FILE = /^\/diagrams\/([a-z0-9]+(?:-[a-z0-9]+)*)\.png$/;

/** The path of a pattern's diagram, under PUBLIC_URL. */
export const diagramPath = (slug: string) => `/diagrams/${slug}.png`;

/** Whether a request path is a diagram's (by shape; whether that diagram exists is the handler's matter). */
export const isDiagramPath = (path: string | undefined) => path?.startsWith('/diagrams/') === true;

/**
 * A day: Slack's image proxy and browsers may keep a picture that long. A new catalog draws a new
 * picture, and the ETag (a hash of the PNG) lets a client that asks again learn it has not changed.
 */
const MAX_AGE_SECONDS = 86_400;
const etags = new WeakMap<Uint8Array, string>();

function etagOf(png: Uint8Array): string {
  let etag = etags.get(png);
  if (!etag) {
    etag = `"${createHash('sha256').update(png).digest('base64url').slice(0, 27)}"`;
    etags.set(png, etag);
  }
  return etag;
}

/** `GET /diagrams/<slug>.png`: the PNG with its type and caching headers, 304 when unchanged, else 404. */
export function sendDiagram(
  req: IncomingMessage,
  res: ServerResponse,
  images: DiagramImages | undefined,
): void {
  const path = req.url?.split('?')[0] ?? '';
  const slug = DIAGRAM_FILE.exec(path)?.[1];
  const png = slug ? images?.get(slug)?.png : undefined;
  if (!png) {
    res.writeHead(404, { 'content-type': 'text/plain', 'cache-control': 'no-store' }).end('not found\n');
    return;
  }
  const etag = etagOf(png);
  const headers = {
    'content-type': 'image/png',
    'cache-control': `public, max-age=${MAX_AGE_SECONDS}`,
    etag,
    'x-content-type-options': 'nosniff',
  };
  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304, headers).end();
    return;
  }
  res.writeHead(200, { ...headers, 'content-length': png.byteLength });
  res.end(req.method === 'HEAD' ? undefined : png);
}
