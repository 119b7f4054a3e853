import type { DiagramPicture } from './render-diagram.js';

export type { DiagramPicture };

/** One pattern's DOT source, as the start-up render takes it. */
export interface DiagramSource {
  readonly slug: string;
  readonly dot: string;
}

/** What drawing the catalog's diagrams came to: the pictures, the failures, and how long it took. */
export interface DiagramReport {
  readonly drawn: number;
  readonly failed: readonly { readonly slug: string; readonly error: string }[];
  readonly ms: number;
}

/** The diagrams drawn so far, by pattern slug: what the adapters attach, upload or serve. */
export interface DiagramImages {
  /** The picture of a pattern, once drawn; undefined before, and for a pattern without a DOT source. */
  get(slug: string): DiagramPicture | undefined;
}

/** The pictures of the catalog's DOT sources, held in memory. */
export interface DiagramCache extends DiagramImages {
  set(slug: string, picture: DiagramPicture): void;
  readonly size: number;
}

export function createDiagramCache(): DiagramCache {
  const pictures = new Map<string, DiagramPicture>();
  return {
    get: (slug) => pictures.get(slug),
    set: (slug, picture) => {
      pictures.set(slug, picture);
    },
    get size() {
      return pictures.size;
    },
  };
}

/** The DOT sources of a catalog's patterns, for the ones that have one. */
export function diagramSources(
  patterns: readonly {
    readonly slug: string;
    readonly doc?: { readonly diagram: { readonly dot?: string } };
  }[],
): DiagramSource[] {
  return patterns.flatMap((p) =>
    p.doc?.diagram.dot !== undefined ? [{ slug: p.slug, dot: p.doc.diagram.dot }] : [],
  );
}
