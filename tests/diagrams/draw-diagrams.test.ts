import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDiagramCache, diagramSources } from '../../src/diagrams/diagram-images.js';
import { diagramProblems, MAX_DIAGRAM_WIDTH } from '../../src/diagrams/diagram-problems.js';
import { drawDiagrams } from '../../src/diagrams/draw-diagrams.js';
import { createDiagramRenderer } from '../../src/diagrams/render-diagram.js';
import { drawDiagramsOffThread } from '../../src/draw-diagrams-off-thread.js';
import { realBot } from '../helpers/catalog.js';
import { realDiagrams } from '../helpers/diagrams.js';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** A PNG's own width and height (its IHDR chunk), read from the bytes rather than trusted from the renderer. */
function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

describe('the catalog diagrams', () => {
  it('every one of the twelve patterns has a DOT source, and each draws to a PNG of a readable size', async () => {
    const sources = diagramSources(realBot().patterns);
    expect(sources.map((s) => s.slug).sort()).toEqual(
      realBot()
        .patterns.map((p) => p.slug)
        .sort(),
    );
    expect(sources).toHaveLength(12);
    const drawn = await realDiagrams();
    expect(drawn.failed).toEqual([]);
    expect(drawn.pictures).toHaveLength(12);
    for (const { slug, picture } of drawn.pictures) {
      expect([...picture.png.subarray(0, 8)], slug).toEqual(PNG_SIGNATURE);
      const size = pngSize(picture.png);
      expect(size, slug).toEqual({ width: picture.width, height: picture.height });
      // Wide enough to hold labels, narrow enough that shown 600 px wide its labels stay readable.
      expect(size.width, slug).toBeGreaterThanOrEqual(400);
      expect(size.width, slug).toBeLessThanOrEqual(MAX_DIAGRAM_WIDTH);
      expect(size.height, slug).toBeGreaterThanOrEqual(200);
      expect(picture.png.byteLength, slug).toBeGreaterThan(10_000);
    }
  });

  it('draws the same bytes every time: the font is the shipped one, not the machine’s', async () => {
    const renderer = await createDiagramRenderer();
    const dot = 'digraph { a [label="Same pixels"]; a -> b }';
    const [first, second] = [renderer.render(dot), renderer.render(dot)];
    expect('picture' in first && 'picture' in second).toBe(true);
    if ('picture' in first && 'picture' in second) expect(first.picture.png).toEqual(second.picture.png);
  });

  it('reports a source Graphviz cannot read instead of throwing', async () => {
    const drawn = await drawDiagrams([
      { slug: 'broken', dot: 'digraph { a -> }' },
      { slug: 'fine', dot: 'digraph { a -> b }' },
    ]);
    expect(drawn.pictures.map((p) => p.slug)).toEqual(['fine']);
    expect(drawn.failed).toEqual([{ slug: 'broken', error: expect.stringMatching(/syntax error/i) }]);
  });

  it('draws off the main thread into the cache', async () => {
    const cache = createDiagramCache();
    const report = await drawDiagramsOffThread([{ slug: 'saga-pattern', dot: 'digraph { a -> b }' }], cache);
    expect(report).toMatchObject({ drawn: 1, failed: [] });
    expect(cache.get('saga-pattern')?.png.byteLength).toBeGreaterThan(0);
    expect(cache.get('cqrs-pattern')).toBeUndefined();
  }, 20_000);
});

describe('diagramProblems', () => {
  const dir = mkdtempSync(join(tmpdir(), 'diagrams-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('names the file and field of a source that does not draw, or draws too wide to read', async () => {
    const saga = realBot().bySlug('saga-pattern')?.doc;
    if (!saga) throw new Error('no saga content');
    const wide = Array.from({ length: 14 }, (_, i) => `n${i} [label="a rather long label ${i}"]`).join('; ');
    const problems = await diagramProblems(
      [
        { ...saga, slug: 'broken', diagram: { ...saga.diagram, dot: 'digraph { a -> ' } },
        { ...saga, slug: 'wide', diagram: { ...saga.diagram, dot: `digraph { rankdir=LR; ${wide} }` } },
        saga,
      ],
      dir,
    );
    expect(problems).toEqual([
      {
        file: join(dir, 'patterns', 'broken.yaml'),
        path: 'diagram.dot',
        message: expect.stringMatching(/^does not draw: .*syntax error/i),
      },
      {
        file: join(dir, 'patterns', 'wide.yaml'),
        path: 'diagram.dot',
        message: expect.stringMatching(/^draws \d+(\.\d+)? × \d+(\.\d+)? pt; at most 700 × 1000/),
      },
    ]);
  });
});
