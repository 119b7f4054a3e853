import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import { instance, type Viz } from '@viz-js/viz';

/** The one font every picture is drawn with, shipped in an npm package: the same pixels on every machine. */
const FONT_FAMILY = 'DejaVu Sans';
const require = createRequire(import.meta.url);
export const DIAGRAM_FONT_FILES: readonly string[] = [
  require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
];

/** Pixels per SVG point: a graph drawn 600 pt wide comes out 1,200 px wide, sharp when shown at 600. */
export const DIAGRAM_ZOOM = 2;

/** The house style, as Graphviz defaults (`-G`, `-N`, `-E`): a source draws only the structure. */
const STYLE = {
  graphAttributes: { fontname: FONT_FAMILY, fontsize: 14, bgcolor: 'white', pad: 0.25, nodesep: 0.35 },
  nodeAttributes: {
    fontname: FONT_FAMILY,
    fontsize: 14,
    shape: 'box',
    style: 'rounded,filled',
    fillcolor: '#eaf1fb',
    color: '#3b5b92',
    margin: '0.15,0.08',
  },
  edgeAttributes: { fontname: FONT_FAMILY, fontsize: 12, color: '#44546a', fontcolor: '#333333' },
} as const;

export interface DiagramPicture {
  readonly png: Uint8Array;
  readonly width: number;
  readonly height: number;
}

export type RenderedDiagram = { readonly picture: DiagramPicture } | { readonly error: string };

export interface DiagramRenderer {
  /** DOT → SVG → PNG, or the first thing Graphviz or the rasteriser said was wrong. Never throws. */
  render(dot: string): RenderedDiagram;
}

let viz: Promise<Viz> | undefined;

/** Graphviz (WebAssembly) and resvg (native) with the shipped font; the WebAssembly loads once. */
export async function createDiagramRenderer(): Promise<DiagramRenderer> {
  viz ??= instance();
  const graphviz = await viz;
  return {
    render(dot) {
      const result = graphviz.render(dot, { format: 'svg', ...STYLE });
      if (result.status !== 'success') {
        const error = result.errors.find((e) => e.level === 'error') ?? result.errors[0];
        return { error: error?.message.trim() || 'Graphviz could not draw it' };
      }
      try {
        const resvg = new Resvg(result.output, {
          fitTo: { mode: 'zoom', value: DIAGRAM_ZOOM },
          font: {
            fontFiles: [...DIAGRAM_FONT_FILES],
            loadSystemFonts: false,
            defaultFontFamily: FONT_FAMILY,
          },
        });
        const image = resvg.render();
        return { picture: { png: image.asPng(), width: image.width, height: image.height } };
      } catch (error) {
        return { error: error instanceof Error ? error.message : String(error) };
      }
    },
  };
}
