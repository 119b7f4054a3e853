import type { DiagramReport, DiagramSource } from './diagram-images.js';
import { createDiagramRenderer, type DiagramPicture } from './render-diagram.js';

export interface DrawnDiagrams extends DiagramReport {
  readonly pictures: readonly { readonly slug: string; readonly picture: DiagramPicture }[];
}

/** Draws every source in this thread (the diagram worker, the CLI, tests). Never throws for a bad source. */
export async function drawDiagrams(sources: readonly DiagramSource[]): Promise<DrawnDiagrams> {
  const started = performance.now();
  const renderer = await createDiagramRenderer();
  const pictures: DrawnDiagrams['pictures'][number][] = [];
  const failed: DrawnDiagrams['failed'][number][] = [];
  for (const { slug, dot } of sources) {
    const result = renderer.render(dot);
    if ('picture' in result) pictures.push({ slug, picture: result.picture });
    else failed.push({ slug, error: result.error });
  }
  return { pictures, failed, drawn: pictures.length, ms: performance.now() - started };
}
