import { join } from 'node:path';
import type { ContentProblem } from '../core/catalog/content-problem.js';
import type { PatternDoc } from '../core/catalog/pattern-doc.js';
import { drawDiagrams } from './draw-diagrams.js';
import { DIAGRAM_ZOOM } from './render-diagram.js';

/**
 * The widest and tallest picture, in pixels (at DIAGRAM_ZOOM): shown 600 px wide in a chat, a picture
 * this wide keeps its 14 pt labels at about 12 px, still readable; a wider one must be redrawn.
 */
export const MAX_DIAGRAM_WIDTH = 1400;
export const MAX_DIAGRAM_HEIGHT = 2000;

/**
 * What Graphviz and the rasteriser say of each pattern's DOT source, as content problems by file and
 * field (`data/patterns/saga-pattern.yaml:diagram.dot: …`): a source that does not draw, or draws too
 * big to read in a chat. The schema checks the rest; this needs the renderer, so it lives outside the core.
 */
export async function diagramProblems(docs: readonly PatternDoc[], dir: string): Promise<ContentProblem[]> {
  const sources = docs.flatMap((doc) =>
    doc.diagram.dot !== undefined ? [{ slug: doc.slug, dot: doc.diagram.dot }] : [],
  );
  const drawn = await drawDiagrams(sources);
  const fileOf = (slug: string) => join(dir, 'patterns', `${slug}.yaml`);
  const problems: ContentProblem[] = drawn.failed.map(({ slug, error }) => ({
    file: fileOf(slug),
    path: 'diagram.dot',
    message: `does not draw: ${error.split('\n')[0]}`,
  }));
  for (const { slug, picture } of drawn.pictures) {
    const { width, height } = picture;
    if (width > MAX_DIAGRAM_WIDTH || height > MAX_DIAGRAM_HEIGHT) {
      problems.push({
        file: fileOf(slug),
        path: 'diagram.dot',
        message: `draws ${width / DIAGRAM_ZOOM} × ${height / DIAGRAM_ZOOM} pt; at most ${MAX_DIAGRAM_WIDTH / DIAGRAM_ZOOM} × ${MAX_DIAGRAM_HEIGHT / DIAGRAM_ZOOM} (stack it top to bottom or shorten labels)`,
      });
    }
  }
  return problems;
}
