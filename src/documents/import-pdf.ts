import { execFile } from 'node:child_process';
import { constants } from 'node:fs';
import { access, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join as joinPath } from 'node:path';
import { PacteError } from '../domain/errors.js';
import {
  hasArabic,
  lettersLookVisual,
  lineDirection,
  repairArabic,
  stripBidiControls,
  visualToLogical,
} from './arabic-repair.js';
import type { Direction } from './arabic-repair.js';

/**
 * Reads a PDF review (a text PDF made by Word or LibreOffice) into the plain-text form that
 * parseReviewText reads: the title, « I.- » section headings, then for each question its
 * « a) » wording and its answer, one logical line per line, list items starting with a marker
 * (▪ at the top level, ◦ ✓ • … deeper; numbers stay numbers).
 *
 * pdftotext (poppler-utils) gives every word with its box (-bbox-layout); the layout is rebuilt
 * from the boxes rather than taken from pdftotext's reading order, which interleaves the two
 * columns of the « Questions | Réponses » table and leaves Arabic in visual order:
 * - per page, a vertical gutter that no line crosses splits the question column from the answer
 *   column; a question line starting with its letter (« a) ») starts a table row, and a row's
 *   question and answer may go on over the next pages;
 * - running headers and footers (the same line at the same height on many pages), page numbers
 *   and the repeated table header row are dropped;
 * - wrapped lines are joined back (a line ends a paragraph when the next line's first word would
 *   have fitted on it, or when it is followed by paragraph spacing), so that a wrapped line
 *   starting with « 1. » or « b) » is not taken for a list item or a question;
 * - list markers (• ▪ ◦ – ✓, the Symbol and Wingdings glyphs of the Private Use Area, or a
 *   number followed by a tab) are recognised, and the marker written for each item depends on
 *   its indentation, so that the text parser's nesting by marker kind gives the document's levels;
 * - Arabic lines are put back into logical order, marks that the extraction detached from their
 *   letter are put back on it (arabic-repair.ts).
 */

export interface PdfReadOptions {
  /** pdftotext is killed after this long. */
  timeoutMs: number;
  /** Address-space limit for pdftotext, in bytes. */
  memoryBytes: number;
}

const TOOL = { tool: 'pdftotext', install: 'apt-get install poppler-utils' };
/** pdftotext's XHTML is about 200 bytes per word: this is some 500 000 words. */
const MAX_OUTPUT_BYTES = 128 * 1024 * 1024;

export async function readPdfText(bytes: Uint8Array, file: string, options: PdfReadOptions): Promise<string> {
  const xhtml = await runPdftotext(bytes, file, options);
  const text = pdfLayoutText(parseBboxLayout(xhtml));
  if (text.trim() === '') throw new PacteError('import.no_text', { file });
  return text;
}

// ---------------------------------------------------------------------------------------------
// Running pdftotext

async function findProgram(name: string): Promise<string | null> {
  for (const dir of (process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin').split(delimiter)) {
    if (dir === '') continue;
    const path = joinPath(dir, name);
    try {
      await access(path, constants.X_OK);
      return path;
    } catch {
      // not in this directory
    }
  }
  return null;
}

interface ToolFailure {
  code?: number | string | null;
  signal?: string | null;
  killed?: boolean;
  stderr?: string;
}

function run(
  command: string,
  args: string[],
  options: { timeout: number; maxBuffer: number },
): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(
      command,
      args,
      {
        ...options,
        encoding: 'utf8',
        killSignal: 'SIGKILL',
        windowsHide: true,
        env: { ...process.env, LC_ALL: 'C' },
      },
      (error, stdout, stderr) => {
        if (error) reject(Object.assign(error, { stderr }));
        else resolve({ stdout, stderr });
      },
    );
  });
}

async function runPdftotext(bytes: Uint8Array, file: string, options: PdfReadOptions): Promise<string> {
  const pdftotext = await findProgram('pdftotext');
  if (pdftotext === null) throw new PacteError('import.tool_missing', { file, ...TOOL });
  const prlimit = await findProgram('prlimit');
  const dir = await mkdtemp(joinPath(tmpdir(), 'pacte-pdf-'));
  try {
    const input = joinPath(dir, 'review.pdf');
    await writeFile(input, bytes);
    const args = ['-bbox-layout', '-enc', 'UTF-8', input, '-'];
    const memory = Math.max(64 * 1024 * 1024, Math.floor(options.memoryBytes));
    // The memory bound applies to pdftotext itself: prlimit and sh exec it in their place.
    const [command, argv] =
      prlimit !== null
        ? [prlimit, [`--as=${memory}`, pdftotext, ...args]]
        : ['/bin/sh', ['-c', `ulimit -v ${Math.ceil(memory / 1024)} && exec "$0" "$@"`, pdftotext, ...args]];
    const { stdout } = await run(command, argv, { timeout: options.timeoutMs, maxBuffer: MAX_OUTPUT_BYTES });
    return stdout;
  } catch (error) {
    throw toolError(error as ToolFailure, file, options);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function toolError(error: ToolFailure, file: string, options: PdfReadOptions): Error {
  if (error instanceof PacteError) return error;
  const stderr = error.stderr ?? '';
  if (error.code === 'ENOENT') return new PacteError('import.tool_missing', { file, ...TOOL }, { cause: error });
  if (error.code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') {
    return new PacteError('import.file_too_large', { file, limit: `${MAX_OUTPUT_BYTES / 1048576} MB of text` });
  }
  if (error.killed && error.signal === 'SIGKILL') {
    return new PacteError('import.timeout', { file, seconds: Math.round(options.timeoutMs / 1000) }, { cause: error });
  }
  if (/incorrect password|encrypted/iu.test(stderr) || error.code === 3) {
    return new PacteError('import.password_protected', { file, format: 'pdf' }, { cause: error });
  }
  if (/^prlimit:/mu.test(stderr)) return new Error(`prlimit could not run pdftotext: ${stderr}`, { cause: error });
  return new PacteError('import.corrupt_file', { file, format: 'pdf' }, { cause: error });
}

// ---------------------------------------------------------------------------------------------
// pdftotext -bbox-layout output

export interface PdfWord {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
  /** pdftotext's line, numbered through the document. */
  line: number;
}

export interface PdfPage {
  width: number;
  height: number;
  words: PdfWord[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/giu, (all, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
    return ENTITIES[name] ?? all;
  });
}

/** The pages of pdftotext -bbox-layout's XHTML, with their words (flows and blocks are not used). */
export function parseBboxLayout(xhtml: string): PdfPage[] {
  const pages: PdfPage[] = [];
  let line = 0;
  const tag =
    /<page width="([\d.]+)" height="([\d.]+)">|<line\b|<word xMin="([-\d.]+)" yMin="([-\d.]+)" xMax="([-\d.]+)" yMax="([-\d.]+)">([^<]*)<\/word>/gu;
  for (const m of xhtml.matchAll(tag)) {
    if (m[1] !== undefined) pages.push({ width: Number(m[1]), height: Number(m[2]), words: [] });
    else if (m[3] === undefined) line++;
    else {
      // Only the bidi marks go here: the rest of the repairs need the text in logical order.
      const text = stripBidiControls(decodeEntities(m[7] ?? '')).trim();
      if (text === '') continue;
      pages[pages.length - 1]?.words.push({
        text,
        xMin: Number(m[3]),
        yMin: Number(m[4]),
        xMax: Number(m[5]),
        yMax: Number(m[6]),
        line,
      });
    }
  }
  return pages;
}

// ---------------------------------------------------------------------------------------------
// Layout

type Side = 'left' | 'right' | 'full';

interface Token {
  text: string;
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

/** A line as seen on the page, within one column (or across the page). */
interface PhysicalLine {
  page: number;
  side: Side;
  /** Left to right on the page. */
  tokens: Token[];
  direction: Direction;
  /** In logical (reading) order. */
  text: string;
  top: number;
  bottom: number;
  height: number;
}

interface Cell {
  role: 'question' | 'answer' | 'flow';
  lines: PhysicalLine[];
}

/** Letter of a question starting a table row: « a) », « (a) », « a. ». */
const ROW_START = /^(?:\(\p{L}\)|\p{L}\)|\p{L}\.(?=\s))/u;
/** A section heading: « I.- Title », « II. Title », « III - Title », « Section IV ». */
const SECTION_START = /^(?:section\s+[IVXLC]+\b|[IVXLC]+\s*(?:\.\s*[-–—]|[-–—:]|\.\s))/iu;
/** Text at the start of an answer's line that the text parser would take for a question or a section. */
const DANGER =
  /^(?:\(?[a-z]\)|[a-z]\.(?=\s)|\((?:[ivx]+|[IVX]+)\)|(?:[ivx]+|[IVX]+)\s*(?:[.)]\s*[-–—]?|[-–—:])(?=\s|$)|[Ss][Ee][Cc][Tt][Ii][Oo][Nn]\s+[IVX]+\b)/u;
const QUESTION_LABEL = /^(?:questions?|الأسئلة|السؤال|الاسئلة)$/iu;
const ANSWER_LABEL = /^(?:réponses?|reponses?|answers?|responses?|replies|الإجابات|الاجابات|الأجوبة|الإجابة|الردود)$/iu;
const PAGE_NUMBER =
  /^(?:(?:page|p\.|pág\.|صفحة|الصفحة)\s*)?[-–—]?\s*[\d٠-٩]{1,4}\s*[-–—]?(?:\s*(?:\/|sur|of|de|من)\s*[\d٠-٩]{1,4})?$/iu;
/** Bullet characters, including the Symbol/Wingdings glyphs that land in the Private Use Area. */
const BULLET = /^[•▪◦●○■□◆◇❖►▸▹▶➢➤➣➔→✓✔✗✘★☐☑⁃∙·‣⦿⦾*\-–—\uE000-\uF8FF]$/u;
/** Markers written for each nesting level (all distinct kinds for the text parser). */
const LEVEL_BULLETS = ['▪', '◦', '✓', '•', '●', '✔', '–', '*'] as const;

/**
 * Page layout → the text parseReviewText reads. Exported for tests on crafted word boxes; PDF
 * files go through readPdfText.
 */
export function pdfLayoutText(pages: readonly PdfPage[]): string {
  const words = pages.flatMap((p) => p.words.map((w) => w.text));
  const visual = lettersLookVisual(words);
  const direction = lineDirection(words.join(' ')) ?? 'ltr';
  const separators = pageSeparators(pages);
  const lines = pages.map((page, index) => physicalLines(page, index, separators[index] ?? null, visual, direction));
  removeFurniture(lines, pages);
  const all = lines.flat();
  if (all.length === 0) return '';
  const metrics = measure(all);
  const cells = assembleCells(lines, questionSide(all));
  return cells
    .flatMap((cell) => cellText(cell, metrics))
    .filter((line) => line.trim() !== '')
    .join('\n');
}

// --- words → tokens --------------------------------------------------------------------------

const overlap = (a: { yMin: number; yMax: number }, b: { yMin: number; yMax: number }): number =>
  Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin);

/**
 * Marks (harakat, shadda) that the extraction put in a word of their own, often as a line of
 * their own slightly higher, go back into the word they stand over, after the letter under them.
 */
function attachMarks(words: PdfWord[], visual: boolean): PdfWord[] {
  const marks = words.filter((w) => /^\p{M}+$/u.test(w.text));
  if (marks.length === 0) return words;
  const rest = words.filter((w) => !/^\p{M}+$/u.test(w.text)).map((w) => ({ ...w }));
  for (const mark of marks) {
    const x = (mark.xMin + mark.xMax) / 2;
    let best: PdfWord | undefined;
    let distance = Infinity;
    for (const w of rest) {
      if (overlap(w, mark) <= 0) continue;
      const d = x < w.xMin ? w.xMin - x : x > w.xMax ? x - w.xMax : 0;
      if (d < distance) [best, distance] = [w, d];
    }
    if (!best || distance > 2) continue;
    // Where along the word the mark stands says which letter it is on.
    const letters = [...best.text];
    const bases = letters.flatMap((c, i) => (/\p{M}/u.test(c) ? [] : [i]));
    const width = Math.max(best.xMax - best.xMin, 0.001);
    let nth = Math.min(bases.length - 1, Math.max(0, Math.floor(((x - best.xMin) / width) * bases.length)));
    // Letters in logical order run right to left on the page in an Arabic word.
    if (!visual && hasArabic(best.text)) nth = bases.length - 1 - nth;
    const at = bases[nth] ?? 0;
    // In visual order a mark comes before its letter (see arabic-repair), in logical order after.
    letters.splice(visual ? at : at + 1, 0, mark.text);
    best.text = letters.join('');
  }
  return rest;
}

/**
 * Words closer than a fraction of a space are one word (split by a raised mark, or « ) » then
 * « a »). A word whose first letter on the page carries a mark (« ُيس ») has its box start at the
 * mark, a little right of the letter: it is glued to the word before if the gap is clearly less
 * than the line's spaces.
 */
function mergeTight(tokens: Token[]): Token[] {
  const heights = tokens.map((t) => t.yMax - t.yMin);
  const spaces = tokens
    .slice(1)
    .map((t, i) => t.xMin - (tokens[i]?.xMax ?? t.xMin))
    .filter((gap, i) => gap > 0.1 * (heights[i] ?? 0));
  const space = spaces.length > 0 ? median(spaces) : Infinity;
  const out: Token[] = [];
  for (const t of tokens) {
    const last = out[out.length - 1];
    const height = Math.min(t.yMax - t.yMin, last ? last.yMax - last.yMin : Infinity);
    const gap = last ? t.xMin - last.xMax : Infinity;
    if (last && (gap < 0.08 * height || (/^\p{M}/u.test(t.text) && gap < Math.min(0.75 * space, 0.14 * height)))) {
      last.text += t.text;
      last.xMax = Math.max(last.xMax, t.xMax);
      last.yMin = Math.min(last.yMin, t.yMin);
      last.yMax = Math.max(last.yMax, t.yMax);
    } else out.push({ ...t });
  }
  return out;
}

// --- columns ---------------------------------------------------------------------------------

interface Gutter {
  x: number;
  /** The stretch of least cover around x. */
  from: number;
  to: number;
  left: number;
  right: number;
  crossing: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] ?? NaN) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

function groupByLine(words: readonly PdfWord[]): PdfWord[][] {
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
 * The vertical gutter between two columns: the x, in the middle three fifths of the page, that
 * the fewest words cover; among the stretches of that least cover, the one with the most lines
 * on both sides.
 */
function findGutter(lines: readonly PdfWord[][], width: number): Gutter | null {
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
    const g = gutterAt(lines, (lo + (i + j) / 2) / scale, (lo + i) / scale, (lo + j) / scale);
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

/** Each page's column gutter: its own, or the document's when the page alone says too little. */
function pageSeparators(pages: readonly PdfPage[]): (number | null)[] {
  const perPage = pages.map((p) => groupByLine(p.words));
  const width = median(pages.map((p) => p.width));
  const sameSize = pages.map((p) => Math.abs(p.width - width) < 1);
  const documentLines = perPage.filter((_, i) => sameSize[i]).flat();
  const documentGutter = findGutter(documentLines, width);
  const shared = isTable(documentGutter, documentLines, width, 3) ? documentGutter : null;
  return pages.map((page, i) => {
    const lines = perPage[i] ?? [];
    const own = findGutter(lines, page.width);
    if (isTable(own, lines, page.width, 2)) return own.x;
    if (shared && sameSize[i]) {
      const here = gutterAt(lines, shared.x);
      if (isTable(here, lines, page.width, 1)) return here.x;
    }
    return null;
  });
}

// --- physical lines --------------------------------------------------------------------------

function physicalLines(
  page: PdfPage,
  index: number,
  separator: number | null,
  visual: boolean,
  fallback: Direction,
): PhysicalLine[] {
  const parts: { side: Side; tokens: Token[] }[] = [];
  for (const line of groupByLine(attachMarks(page.words, visual))) {
    const tokens = mergeTight(line);
    if (separator === null) {
      parts.push({ side: 'full', tokens });
      continue;
    }
    const crossing = tokens.some((t) => t.xMin < separator - 0.25 && t.xMax > separator + 0.25);
    const left = tokens.filter((t) => t.xMax <= separator + 0.25);
    const right = tokens.filter((t) => !left.includes(t));
    const lastLeft = left[left.length - 1];
    const firstRight = right[0];
    if (crossing) parts.push({ side: 'full', tokens });
    else if (!lastLeft) parts.push({ side: 'right', tokens });
    else if (!firstRight) parts.push({ side: 'left', tokens });
    else {
      // Words on both sides: two cells, unless the gap at the gutter is like the line's other spaces.
      const gap = firstRight.xMin - lastLeft.xMax;
      const gaps = [...gapsOf(left), ...gapsOf(right)];
      const height = median(tokens.map((t) => t.yMax - t.yMin));
      if (gap >= (gaps.length > 0 ? Math.max(0.2 * height, 1.3 * median(gaps)) : 0.35 * height)) {
        parts.push({ side: 'left', tokens: left }, { side: 'right', tokens: right });
      } else parts.push({ side: 'full', tokens });
    }
  }
  // Parts of one side at the same height are one line (an Arabic list marker and its text).
  const merged: { side: Side; tokens: Token[]; box: { yMin: number; yMax: number } }[] = [];
  for (const part of parts) {
    const box = bounds(part.tokens);
    const same = merged.find(
      (m) =>
        m.side === part.side && overlap(m.box, box) >= 0.5 * Math.min(m.box.yMax - m.box.yMin, box.yMax - box.yMin),
    );
    if (same) {
      same.tokens = mergeTight([...same.tokens, ...part.tokens].sort((a, b) => a.xMin - b.xMin));
      same.box = bounds(same.tokens);
    } else merged.push({ side: part.side, tokens: part.tokens, box });
  }
  const raw = merged.map(({ side, tokens }) => ({
    side,
    tokens,
    direction: lineDirection(tokens.map((t) => t.text).join(' ')),
  }));
  // A line without letters (« 2020. ») reads in the direction of the other lines of its column.
  const majority = (side: Side): Direction | null => {
    const count = (d: Direction) => raw.filter((l) => l.side === side && l.direction === d).length;
    return count('rtl') + count('ltr') === 0 ? null : count('rtl') > count('ltr') ? 'rtl' : 'ltr';
  };
  return raw.map(({ side, tokens, direction: own }) => {
    const text = tokens.map((t) => t.text).join(' ');
    const direction = own ?? majority(side) ?? fallback;
    const bottom = Math.max(...tokens.map((t) => t.yMax));
    const height = median(tokens.map((t) => t.yMax - t.yMin));
    return {
      page: index,
      side,
      tokens,
      direction,
      text: repairArabic(visualToLogical(text, direction)),
      top: bottom - height,
      bottom,
      height,
    };
  });
}

function gapsOf(tokens: readonly Token[]): number[] {
  return tokens.slice(1).map((t, i) => t.xMin - (tokens[i]?.xMax ?? t.xMin));
}

function bounds(tokens: readonly Token[]): { yMin: number; yMax: number } {
  return { yMin: Math.min(...tokens.map((t) => t.yMin)), yMax: Math.max(...tokens.map((t) => t.yMax)) };
}

// --- page furniture --------------------------------------------------------------------------

const furnitureKey = (text: string): string =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\d٠-٩]+/gu, '#')
    .replace(/\s+/gu, ' ')
    .trim();

/**
 * Drops running headers and footers (the same text, page numbers aside, at the same height in the
 * top or bottom tenth of at least half of the pages), page numbers alone at the top or bottom of
 * a page, and the table header row « Questions | Réponses » wherever it is repeated.
 */
function removeFurniture(pages: PhysicalLine[][], sizes: readonly PdfPage[]): void {
  const inBand = (line: PhysicalLine): boolean => {
    const height = sizes[line.page]?.height ?? 842;
    return line.top < 0.1 * height || line.bottom > 0.9 * height;
  };
  const drop = new Set<PhysicalLine>();

  const seen = new Map<string, PhysicalLine[]>();
  for (const line of pages.flat()) {
    if (!inBand(line)) continue;
    const key = furnitureKey(line.text);
    seen.set(key, [...(seen.get(key) ?? []), line]);
  }
  const needed = Math.max(2, Math.ceil(pages.length / 2));
  for (const lines of seen.values()) {
    for (const line of lines) {
      const alike = lines.filter((l) => Math.abs(l.top - line.top) <= 3);
      if (new Set(alike.map((l) => l.page)).size >= needed) drop.add(line);
    }
  }

  for (const lines of pages) {
    const kept = lines.filter((l) => !drop.has(l));
    for (const line of kept) {
      if (!inBand(line) || !PAGE_NUMBER.test(line.text.trim())) continue;
      const upper = line.top < 0.5 * (sizes[line.page]?.height ?? 842);
      const beyond = kept.some(
        (l) =>
          l !== line && (upper ? l.bottom < line.top + 0.5 * line.height : l.top > line.bottom - 0.5 * line.height),
      );
      if (!beyond) drop.add(line);
    }
    for (const line of kept) {
      const text = line.text.trim();
      if (/^\S+\s+\S+$/u.test(text) && isHeaderPair(text.split(/\s+/u))) drop.add(line);
      if (!QUESTION_LABEL.test(text)) continue;
      const partner = kept.find(
        (l) =>
          l !== line &&
          ANSWER_LABEL.test(l.text.trim()) &&
          Math.min(l.bottom, line.bottom) > Math.max(l.top, line.top) &&
          l.side !== line.side,
      );
      if (partner) drop.add(line).add(partner);
    }
  }
  for (const lines of pages) {
    const kept = lines.filter((l) => !drop.has(l));
    lines.splice(0, lines.length, ...kept);
  }
}

function isHeaderPair([a = '', b = '']: string[]): boolean {
  return (QUESTION_LABEL.test(a) && ANSWER_LABEL.test(b)) || (QUESTION_LABEL.test(b) && ANSWER_LABEL.test(a));
}

// --- rows ------------------------------------------------------------------------------------

/** The column whose lines start with question letters (the right one in an Arabic table). */
function questionSide(lines: readonly PhysicalLine[]): Side | null {
  const count = (side: Side) => lines.filter((l) => l.side === side && ROW_START.test(l.text)).length;
  const left = count('left');
  const right = count('right');
  if (left === 0 && right === 0) return null;
  return left >= right ? 'left' : 'right';
}

/**
 * Cells in reading order: outside tables, runs of lines (flow); in a table, for each row, its
 * question then its answer. A row starts at a question line with its letter and goes on, over
 * pages if need be, until the next one or until a line across the page (a heading).
 */
function assembleCells(pages: readonly PhysicalLine[][], qSide: Side | null): Cell[] {
  const cells: Cell[] = [];
  let flow: Cell | null = null;
  let row: { question: Cell; answer: Cell } | null = null;
  const closeRow = (): void => {
    if (row) cells.push(row.question, row.answer);
    row = null;
  };
  const toFlow = (line: PhysicalLine): void => {
    closeRow();
    if (!flow) cells.push((flow = { role: 'flow', lines: [] }));
    flow.lines.push(line);
  };

  for (const lines of pages) {
    if (qSide === null) {
      // Columns without question letters: each column in turn, in reading order.
      const rtl = lines.filter((l) => l.direction === 'rtl').length > lines.length / 2;
      const order: Side[] = rtl ? ['full', 'right', 'left'] : ['full', 'left', 'right'];
      for (const side of order) for (const l of lines.filter((x) => x.side === side).sort(byTop)) toFlow(l);
      continue;
    }
    const isStart = (l: PhysicalLine): boolean => l.side === qSide && ROW_START.test(l.text);
    // A row's letter may sit a little lower than the first line of its answer.
    const key = (l: PhysicalLine): number => (isStart(l) ? l.top - 0.6 * l.height : l.top);
    const rank = (l: PhysicalLine): number => (l.side === 'full' ? 0 : l.side === qSide ? 1 : 2);
    const ordered = [...lines].sort((a, b) => key(a) - key(b) || rank(a) - rank(b));
    for (const line of ordered) {
      const open = row as { question: Cell; answer: Cell } | null;
      if (line.side === 'full') toFlow(line);
      else if (isStart(line)) {
        closeRow();
        flow = null;
        row = { question: { role: 'question', lines: [line] }, answer: { role: 'answer', lines: [] } };
      } else if (!open) toFlow(line);
      else if (line.side !== qSide) open.answer.lines.push(line);
      else if (SECTION_START.test(line.text) || afterRow(open, line)) toFlow(line);
      else open.question.lines.push(line);
    }
  }
  closeRow();
  return cells;
}

const byTop = (a: PhysicalLine, b: PhysicalLine): number => a.top - b.top;

/** A line in the question column well below everything of the row on its page: after the table. */
function afterRow(row: { question: Cell; answer: Cell }, line: PhysicalLine): boolean {
  const here = [...row.question.lines, ...row.answer.lines].filter((l) => l.page === line.page);
  if (here.length === 0) return false;
  return line.top > Math.max(...here.map((l) => l.bottom)) + 1.5 * line.height;
}

// --- logical lines ---------------------------------------------------------------------------

interface Metrics {
  /** An ordinary space between words. */
  space: number;
  /** Line pitch within a paragraph, as a multiple of the line height. */
  pitch: number;
  /** Per page and side, the furthest a line reaches (x for left-to-right, -x for right-to-left). */
  reach: Map<string, { ltr: number; rtl: number }>;
}

function measure(lines: readonly PhysicalLine[]): Metrics {
  const gaps: number[] = [];
  for (const line of lines)
    for (const gap of gapsOf(line.tokens)) if (gap > 0.1 * line.height && gap < 0.6 * line.height) gaps.push(gap);
  const pitches: number[] = [];
  const byColumn = new Map<string, PhysicalLine[]>();
  const reach = new Map<string, { ltr: number; rtl: number }>();
  for (const line of lines) {
    const key = `${line.page}/${line.side}`;
    byColumn.set(key, [...(byColumn.get(key) ?? []), line]);
    const r = reach.get(key) ?? { ltr: -Infinity, rtl: -Infinity };
    r.ltr = Math.max(r.ltr, ...line.tokens.map((t) => t.xMax));
    r.rtl = Math.max(r.rtl, ...line.tokens.map((t) => -t.xMin));
    reach.set(key, r);
  }
  for (const column of byColumn.values()) {
    column.sort(byTop);
    column.forEach((line, i) => {
      const prev = column[i - 1];
      if (!prev) return;
      const pitch = (line.bottom - prev.bottom) / line.height;
      if (pitch > 0.8 && pitch < 2.5) pitches.push(pitch);
    });
  }
  const space = median(gaps);
  const pitch = median(pitches);
  return { space: Number.isNaN(space) ? 3 : space, pitch: Number.isNaN(pitch) ? 1.2 : pitch, reach };
}

/** Position along the reading direction: x, or -x in a right-to-left line. */
const along = (x: number, direction: Direction): number => (direction === 'rtl' ? -x : x);

interface Placed {
  /** Tokens in reading order. */
  tokens: Token[];
  start: number;
  end: number;
}

function place(line: PhysicalLine): Placed {
  const tokens = line.direction === 'rtl' ? [...line.tokens].reverse() : line.tokens;
  const first = tokens[0];
  const last = tokens[tokens.length - 1];
  const startOf = (t: Token | undefined): number =>
    t ? Math.min(along(t.xMin, line.direction), along(t.xMax, line.direction)) : 0;
  const endOf = (t: Token | undefined): number =>
    t ? Math.max(along(t.xMin, line.direction), along(t.xMax, line.direction)) : 0;
  return { tokens, start: startOf(first), end: endOf(last) };
}

interface Marker {
  type: 'bullet' | 'number' | 'letter';
  /** The number of a numbered item, with its punctuation (`.` or `)`). */
  number?: { value: number; separator: string };
  /** The marker as written (for letters, kept in the item's text). */
  written: string;
  /** Where the marker starts, along the reading direction. */
  position: number;
  /** The item's text. */
  rest: string;
}

const logical = (tokens: readonly Token[], direction: Direction): string =>
  visualToLogical((direction === 'rtl' ? [...tokens].reverse() : tokens).map((t) => t.text).join(' '), direction);

/** A list marker at the start of the line, by its glyph, or a number or letter followed by a tab. */
function markerOf(line: PhysicalLine, metrics: Metrics): Marker | null {
  const { tokens, start } = place(line);
  const first = tokens[0];
  if (!first) return null;
  const word = visualToLogical(first.text, line.direction);
  const next = tokens[1];
  const gap = next ? Math.abs(line.direction === 'rtl' ? first.xMin - next.xMax : next.xMin - first.xMax) : 0;
  const wide = next !== undefined && gap >= Math.max(1.8 * metrics.space, 0.4 * line.height);
  // The rest of the line, in visual order as tokens are kept, read in logical order.
  const rest = repairArabic(logical(tokens.slice(1), line.direction));
  if (BULLET.test(word) || (word === 'o' && wide)) return { type: 'bullet', written: word, position: start, rest };
  const glued = /^([•▪◦●○■□◆◇❖►▸➢➤✓✔\uE000-\uF8FF])(\p{L}.*)$/u.exec(word);
  if (glued) {
    const text = [glued[2] ?? '', rest].filter((t) => t !== '').join(' ');
    return { type: 'bullet', written: glued[1] ?? '', position: start, rest: text };
  }
  if (!wide) return null;
  const number = /^\(?(\d{1,3})([.)])$/u.exec(word);
  if (number) {
    const separator = word.startsWith('(') ? ')' : (number[2] ?? '.');
    return { type: 'number', number: { value: Number(number[1]), separator }, written: word, position: start, rest };
  }
  if (/^\(?(?:\p{L}|[ivxlc]{1,5}|[IVXLC]{1,5})[.)]$/u.test(word))
    return { type: 'letter', written: word, position: start, rest };
  return null;
}

/** Joins a wrapped line. */
function join(text: string, line: string): string {
  if (text === '') return line;
  if (line === '') return text;
  // A hyphen at the end goes on with the same word; an Arabic per cent sign goes before its number.
  return /\S-$/u.test(text) || (/[٪$]$/u.test(text) && /^[\d٠-٩]/u.test(line)) ? text + line : `${text} ${line}`;
}

interface LogicalLine {
  text: string;
  marker: Marker | null;
  /** Where the item's text starts (for a hanging indent), along the reading direction. */
  body: number | null;
  /** Text at an answer's line start that the parser would misread: written as a list item. */
  danger: number | null;
}

/** A cell's physical lines → its logical lines (paragraphs and items, unwrapped). */
function unwrap(cell: Cell, metrics: Metrics): LogicalLine[] {
  const out: LogicalLine[] = [];
  let prev: PhysicalLine | null = null;
  for (const line of cell.lines) {
    const marker = markerOf(line, metrics);
    const placed = place(line);
    const current = out[out.length - 1];
    let fresh = current === undefined || marker !== null;
    if (!fresh && prev && current) {
      const prevPlaced = place(prev);
      if (prev.page === line.page) {
        const pitch = line.bottom - prev.bottom;
        if (pitch > metrics.pitch * line.height + Math.max(2, 0.15 * line.height)) fresh = true;
      }
      if (current.body !== null && placed.start < current.body - 2) fresh = true;
      // A line ends a paragraph when the next line's first word would have fitted on it.
      const reach = metrics.reach.get(`${prev.page}/${prev.side}`);
      const limit = reach ? (prev.direction === 'rtl' ? reach.rtl : reach.ltr) : Infinity;
      const width = unbreakableWidth(placed.tokens, line.direction);
      const space = /\S-$/u.test(prev.text) ? 0 : metrics.space;
      if (prev.direction === line.direction && prevPlaced.end + space + width <= limit - 0.5) fresh = true;
      // Outside tables, a question or a heading after a finished sentence (as at a page's top).
      if (
        cell.role === 'flow' &&
        /[.?!:;؟]$/u.test(prev.text) &&
        (ROW_START.test(line.text) || SECTION_START.test(line.text))
      )
        fresh = true;
    }
    if (fresh || !current) {
      const text = marker ? marker.rest : line.text;
      const body = marker ? (place(line).tokens[1] ? start(place(line).tokens[1], line.direction) : null) : null;
      const danger = !marker && cell.role === 'answer' && DANGER.test(line.text) ? placed.start : null;
      out.push({ text, marker, body, danger });
    } else current.text = join(current.text, line.text);
    prev = line;
  }
  return out;
}

/**
 * Width of what had to go to the next line together: the first word, with the punctuation that
 * French sets after a no-break space (« créé ? », « 24 % ») or the guillemet before it.
 */
function unbreakableWidth(tokens: readonly Token[], direction: Direction): number {
  const first = tokens[0];
  if (!first) return 0;
  let last = first;
  for (let i = 1; i < tokens.length; i++) {
    const next = tokens[i];
    const previousText = visualToLogical(last.text, direction);
    if (!next || !(/^[?!:;»%‰)\]]+$/u.test(visualToLogical(next.text, direction)) || /^[«([]$/u.test(previousText)))
      break;
    last = next;
  }
  return Math.max(first.xMax, last.xMax) - Math.min(first.xMin, last.xMin);
}

function start(token: Token | undefined, direction: Direction): number {
  return token ? Math.min(along(token.xMin, direction), along(token.xMax, direction)) : 0;
}

/** Levels of indentation among a cell's markers: positions within 3 points are one level. */
function levels(positions: number[]): (position: number) => number {
  const sorted = [...new Set(positions)].sort((a, b) => a - b);
  const steps: number[] = [];
  for (const p of sorted) if (steps.length === 0 || p - (steps[steps.length - 1] ?? p) > 3) steps.push(p);
  return (position) => {
    let level = 0;
    steps.forEach((s, i) => {
      if (position >= s - 3) level = i;
    });
    return level;
  };
}

function cellText(cell: Cell, metrics: Metrics): string[] {
  const lines = unwrap(cell, metrics);
  const levelOf = levels(
    lines.flatMap((l) =>
      l.marker && (cell.role !== 'question' || l.marker.type !== 'letter')
        ? [l.marker.position]
        : l.danger !== null
          ? [l.danger]
          : [],
    ),
  );
  const bullet = (level: number): string => LEVEL_BULLETS[Math.min(level, LEVEL_BULLETS.length - 1)] ?? '▪';
  const open: { level: number; separator: string | null }[] = [];
  return lines.map((line) => {
    const { marker } = line;
    if (line.danger !== null) return `${bullet(levelOf(line.danger))} ${line.text}`;
    if (!marker) return line.text;
    if (marker.type === 'letter') {
      // In a question's cell the letter is the question's; elsewhere, a lettered list item.
      if (cell.role !== 'answer') return `${marker.written} ${line.text}`;
      return `${bullet(levelOf(marker.position))} ${marker.written} ${line.text}`;
    }
    const level = levelOf(marker.position);
    while ((open[open.length - 1]?.level ?? -1) >= level) open.pop();
    if (marker.type === 'bullet') {
      open.push({ level, separator: null });
      return `${bullet(level)} ${line.text}`;
    }
    // A numbered list inside another with the same punctuation would read as its sibling.
    let separator = marker.number?.separator ?? '.';
    if (open.some((o) => o.separator === separator)) separator = separator === '.' ? ')' : '.';
    open.push({ level, separator });
    return `${marker.number?.value ?? 1}${separator} ${line.text}`;
  });
}
