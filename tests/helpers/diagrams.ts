import { createDiagramCache, type DiagramCache, diagramSources } from '../../src/diagrams/diagram-images.js';
import { type DrawnDiagrams, drawDiagrams } from '../../src/diagrams/draw-diagrams.js';
import { realBot } from './catalog.js';

let drawn: Promise<DrawnDiagrams> | undefined;
/** The real catalog's diagrams, drawn by the real renderer once per test file. */
export function realDiagrams(): Promise<DrawnDiagrams> {
  drawn ??= drawDiagrams(diagramSources(realBot().patterns));
  return drawn;
}

/** A cache holding the real catalog's diagrams, as main fills it after start. */
export async function realDiagramCache(): Promise<DiagramCache> {
  const cache = createDiagramCache();
  for (const { slug, picture } of (await realDiagrams()).pictures) cache.set(slug, picture);
  return cache;
}
