import type { DiagramCache, DiagramReport, DiagramSource } from './diagrams/diagram-images.js';
import type { DrawnDiagrams } from './diagrams/draw-diagrams.js';
import { runWorker } from './run-worker.js';

/**
 * Draws the sources on a worker thread (diagram-worker.ts) into `cache`, and reports what it drew.
 * Called after the platforms are up: until it ends, a Diagram button shows the text diagram.
 */
export async function drawDiagramsOffThread(
  sources: readonly DiagramSource[],
  cache: DiagramCache,
): Promise<DiagramReport> {
  if (sources.length === 0) return { drawn: 0, failed: [], ms: 0 };
  const drawn = await runWorker<DrawnDiagrams>('diagram-worker', sources);
  for (const { slug, picture } of drawn.pictures) cache.set(slug, picture);
  return { drawn: drawn.drawn, failed: drawn.failed, ms: drawn.ms };
}
