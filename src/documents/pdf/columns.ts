import type { PdfPage, PdfWord } from './bbox.js';
import { LONE_MARKER, SECTION_START, median } from './layout.js';

/** Finds the vertical gutter between a table's question and answer columns, page by page. */

interface Gutter {
  x: number;
  /** The stretch of least cover around x. */
  from: number;
  to: number;
  left: number;
  right: number;
  crossing: number;
}

export function groupByLine(words: readonly PdfWord[]): PdfWord[][] {
  const lines = new Map<number, PdfWord[]>();
  for (const w of words) {
    const line = lines.get(w.line);
    if (line) line.push(w);
    else lines.set(w.line, [w]);
  }
  return [...lines.values()].map((line) => line.sort((a, b) => a.xMin - b.xMin));
}

/**
 * Counts, for a vertical line at x, the lines wholly left of it, wholly right, and the others
 * (across it, or with words on both sides: two cells that pdftotext made one line, or a line
 * of running text that happens to have a space there).
 */
function gutterAt(lines: readonly PdfWord[][], x: number, from = x, to = x): Gutter {
  const g = { x, from, to, left: 0, right: 0, crossing: 0 };
  for (const line of lines) {
    if (line.every((w) => w.xMax <= x + 0.25)) g.left++;
    else if (line.every((w) => w.xMin >= x - 0.25)) g.right++;
    else g.crossing++;
  }
  return g;
}

/**
 * Where in the empty stretch [from, to] the gutter goes: its middle, unless a list marker left
 * out of the search (drawn on a baseline of its own) stands there — then the middle of the widest
 * part clear of markers. A right-to-left answer's bullets stand at its column's right edge, past
 * the end of the answer's text: through them, the gutter would cut each bullet in two, and a line
 * across the gutter is taken for a heading that ends the row.
 */
function clearOf(markers: readonly PdfWord[], from: number, to: number): number {
  const middle = (from + to) / 2;
  const inside = markers.filter((m) => m.xMax > from && m.xMin < to);
  if (!inside.some((m) => m.xMin < middle + 0.25 && m.xMax > middle - 0.25)) return middle;
  let best: [number, number] | null = null;
  let start = from;
  for (const m of [...inside].sort((a, b) => a.xMin - b.xMin)) {
    if (m.xMin > start && (!best || m.xMin - start > best[1] - best[0])) best = [start, m.xMin];
    start = Math.max(start, m.xMax);
  }
  if (to > start && (!best || to - start > best[1] - best[0])) best = [start, to];
  return best ? (best[0] + best[1]) / 2 : middle;
}

/**
 * The vertical gutter between two columns: the x, in the middle three fifths of the page, that
 * the fewest words cover; among the stretches of that least cover, the one with the most lines
 * on both sides; placed clear of the lone list markers if it can be.
 */
function findGutter(lines: readonly PdfWord[][], width: number, markers: readonly PdfWord[] = []): Gutter | null {
  const scale = 2; // half-points
  const lo = Math.floor(width * 0.2 * scale);
  const hi = Math.ceil(width * 0.8 * scale);
  if (hi <= lo || lines.length === 0) return null;
  const delta = new Int32Array(hi - lo + 2);
  for (const line of lines)
    for (const w of line) {
      const a = Math.max(lo, Math.ceil(w.xMin * scale));
      const b = Math.min(hi, Math.floor(w.xMax * scale));
      if (a > b) continue;
      delta[a - lo] = (delta[a - lo] ?? 0) + 1;
      delta[b - lo + 1] = (delta[b - lo + 1] ?? 0) - 1;
    }
  const cover: number[] = [];
  let running = 0;
  for (let i = 0; i <= hi - lo; i++) cover.push((running += delta[i] ?? 0));
  const least = Math.min(...cover);
  let best: Gutter | null = null;
  let bestWidth = 0;
  for (let i = 0; i < cover.length;) {
    if (cover[i] !== least) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < cover.length && cover[j + 1] === least) j++;
    const [from, to] = [(lo + i) / scale, (lo + j) / scale];
    const g = gutterAt(lines, clearOf(markers, from, to), from, to);
    const score = Math.min(g.left, g.right);
    const bestScore = best ? Math.min(best.left, best.right) : -1;
    if (score > bestScore || (score === bestScore && j - i > bestWidth)) [best, bestWidth] = [g, j - i];
    i = j + 1;
  }
  return best;
}

/**
 * Whether a gutter really parts two columns: lines on both sides, few across, and one side
 * aligned on it (the answer column's left edge, or in an Arabic table its right edge), which
 * the ragged ends of single-column text are not.
 */
function isTable(g: Gutter | null, lines: readonly PdfWord[][], width: number, minimum: number): g is Gutter {
  if (g === null || g.left < minimum || g.right < minimum) return false;
  if (minimum > 1 && g.crossing > 0.5 * (g.left + g.right)) return false;
  const near = 0.06 * width;
  let leftAligned = 0;
  let rightAligned = 0;
  for (const line of lines) {
    if (line.some((w) => w.xMin < g.x - 0.25 && w.xMax > g.x + 0.25)) continue;
    const left = line.filter((w) => w.xMax <= g.x);
    const right = line.filter((w) => w.xMin >= g.x);
    if (left.length > 0 && Math.max(...left.map((w) => w.xMax)) >= g.from - near) leftAligned++;
    if (right.length > 0 && Math.min(...right.map((w) => w.xMin)) <= g.to + near) rightAligned++;
  }
  const aligned = (count: number, of: number): boolean => count >= Math.max(minimum + 1, 0.5 * of);
  return aligned(leftAligned, g.left) || aligned(rightAligned, g.right);
}

/** A stretch of a page, from `top` down to the next band, and its column gutter (null: one column). */
export interface Band {
  top: number;
  separator: number | null;
}

/** The gutter at height y of a page (its bands in order). */
export function separatorAt(bands: readonly Band[], y: number): number | null {
  let found: number | null = null;
  for (const band of bands) if (y >= band.top - 0.5) found = band.separator;
  return found;
}

/**
 * A page in bands: a section heading starts a new one, as each section has its own table, whose
 * columns need not be as wide as the previous section's (two tables can share a page).
 */
function bandsOf(lines: readonly PdfWord[][]): PdfWord[][][] {
  const sorted = [...lines].sort((a, b) => (a[0]?.yMin ?? 0) - (b[0]?.yMin ?? 0));
  const bands: PdfWord[][][] = [[]];
  for (const line of sorted) {
    const text = line.map((w) => w.text).join(' ');
    const current = bands[bands.length - 1] ?? [];
    if (
      current.length > 0 &&
      (SECTION_START.test(text) ||
        SECTION_START.test(
          [...line]
            .reverse()
            .map((w) => w.text)
            .join(' '),
        ))
    )
      bands.push([line]);
    else current.push(line);
  }
  return bands;
}

/**
 * Each page's column gutters, band by band: the band's own when it has enough lines to say, or
 * else the page's; the page's own, or the document's when the page alone says too little (the
 * end of a row carried over).
 */
export function pageSeparators(pages: readonly PdfPage[]): Band[][] {
  // Marks that the extraction detached from their letters (Arabic tanween, shadda) are not lines,
  // nor is a list marker drawn on a baseline of its own (it may stand just past the gutter).
  const lone = (line: PdfWord[]): boolean => line.length === 1 && LONE_MARKER.test(line[0]?.text ?? '');
  const grouped = pages.map((p) => groupByLine(p.words.filter((w) => !/^\p{M}+$/u.test(w.text))));
  const perPage = grouped.map((lines) => lines.filter((line) => !lone(line)));
  // The gutter is still placed clear of them (clearOf).
  const markersOf = grouped.map((lines) => lines.filter(lone).flat());
  const width = median(pages.map((p) => p.width));
  const sameSize = pages.map((p) => Math.abs(p.width - width) < 1);
  const documentLines = perPage.filter((_, i) => sameSize[i]).flat();
  const documentGutter = findGutter(documentLines, width, markersOf.filter((_, i) => sameSize[i]).flat());
  const shared = isTable(documentGutter, documentLines, width, 3) ? documentGutter : null;
  const pageSeparator = (page: PdfPage, lines: PdfWord[][], i: number): number | null => {
    const own = findGutter(lines, page.width, markersOf[i]);
    if (isTable(own, lines, page.width, 2)) return own.x;
    if (shared && sameSize[i]) {
      const here = gutterAt(lines, shared.x);
      if (isTable(here, lines, page.width, 1)) return here.x;
    }
    // A page that only goes on with one column of the last page's table (a long answer): no
    // line crosses that table's gutter.
    if (previous !== null && sameSize[i]) {
      const here = gutterAt(lines, previous);
      if (here.crossing === 0 && here.left + here.right > 0) return previous;
    }
    return null;
  };
  let previous: number | null = null;
  return pages.map((page, i) => {
    const lines = perPage[i] ?? [];
    const separator = pageSeparator(page, lines, i);
    const bands = bandsOf(lines);
    const result: Band[] =
      bands.length === 1
        ? [{ top: 0, separator }]
        : bands.map((band): Band => {
            const own = findGutter(band, page.width, markersOf[i]);
            const top = Math.min(...band.map((l) => Math.min(...l.map((w) => w.yMin))));
            const x = isTable(own, band, page.width, 3) ? own.x : separator;
            return { top: Number.isFinite(top) ? top : 0, separator: x };
          });
    previous = result[result.length - 1]?.separator ?? null;
    return result;
  });
}
