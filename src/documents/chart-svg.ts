/**
 * A Vega-Lite chart (src/domain/charts.ts) drawn on the server: compiled to Vega, run in a
 * headless View (no browser, no canvas: text widths are estimated) and written as SVG; the PNG
 * that Word documents embed is that SVG rasterised by resvg with the system's Noto fonts (Debian's
 * fonts-noto-core), so Arabic labels are shaped, not boxes.
 */
import { existsSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import type { VegaLiteSpec } from '../domain/charts.js';

export async function chartSvg(spec: VegaLiteSpec): Promise<string> {
  const compiled = compile(spec as unknown as TopLevelSpec).spec;
  // renderer 'none': nothing to draw into; toSVG renders the scenegraph once, as a string.
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

const FONT_DIRS = ['/usr/share/fonts/truetype/noto', '/usr/share/fonts/opentype/noto', '/usr/share/fonts/noto'];
const FONT_FILES = [
  'NotoSans-Regular.ttf',
  'NotoSans-Bold.ttf',
  'NotoNaskhArabic-Regular.ttf',
  'NotoNaskhArabic-Bold.ttf',
];

/** The Noto font files found on this machine (Latin and Arabic), looked for once per process. */
export const chartFonts = (() => {
  let found: string[] | undefined;
  return (): string[] => {
    if (found) return found;
    found = FONT_DIRS.flatMap((dir) => FONT_FILES.map((file) => `${dir}/${file}`)).filter((path) => existsSync(path));
    if (!found.some((f) => f.endsWith('NotoSans-Regular.ttf')) || !found.some((f) => f.includes('NotoNaskhArabic'))) {
      // Still drawn, with whatever the system has; labels may lack glyphs.
      process.emitWarning(
        `chart PNG: Noto Sans and Noto Naskh Arabic not found in ${FONT_DIRS.join(', ')} (install fonts-noto-core)`,
      );
    }
    return found;
  };
})();

/** PNG of the SVG at `scale` (2: sharp when Word scales it to the page). */
export function chartPng(svg: string, scale = 2): Buffer {
  const fonts = chartFonts();
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    background: '#ffffff',
    font: { fontFiles: fonts, loadSystemFonts: fonts.length === 0, defaultFontFamily: 'Noto Sans' },
  });
  return resvg.render().asPng();
}
