import { hasArabic, lineDirection, repairArabic, visualToLogical } from '../arabic-repair.js';
import type { Direction } from '../arabic-repair.js';
import type { PdfPage, PdfWord } from './bbox.js';
import { groupByLine, separatorAt, type Band } from './columns.js';
import { LONE_MARKER, gapsOf, median, overlap } from './layout.js';
import type { PhysicalLine, Side, Token } from './layout.js';

/**
 * A page's words → its lines as seen on the page, within one column or across it: marks put back
 * on their letters, words that were split glued back, each line read in its direction.
 */

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
    let shared = 0;
    for (const w of rest) {
      // The word the mark shares the most height with (a larger title's just above may touch it),
      // then the nearest; a mark on a word's last letter may stand just past its box.
      const o = overlap(w, mark);
      if (o <= 0 || !/\p{L}/u.test(w.text)) continue;
      const d = x < w.xMin ? w.xMin - x : x > w.xMax ? x - w.xMax : 0;
      const more = o > shared + 0.25 * (mark.yMax - mark.yMin);
      const same = Math.abs(o - shared) <= 0.25 * (mark.yMax - mark.yMin);
      if (more || (same && d < distance)) [best, distance, shared] = [w, d, Math.max(o, shared)];
    }
    if (!best || distance > Math.max(2, 0.2 * (mark.yMax - mark.yMin))) continue;
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
      // A bracket, often from another font and not bold, leaves the word's boldness alone.
      const counts = (x: Token): boolean => /[\p{L}\p{N}]/u.test(x.text);
      if (counts(t) && (last.bold !== undefined || t.bold !== undefined))
        last.bold = counts(last) ? last.bold === true && t.bold === true : t.bold;
      last.text += t.text;
      last.xMax = Math.max(last.xMax, t.xMax);
      last.yMin = Math.min(last.yMin, t.yMin);
      last.yMax = Math.max(last.yMax, t.yMax);
    } else out.push({ ...t });
  }
  return out;
}

/** A footnote's or endnote's mark: a number, a small roman number or letter, a star. */
const NOTE_MARK = /^(?:\d{1,3}|[ivx]{1,4}|[a-z]|\*{1,3}|[†‡])$/u;

/**
 * A line without its notes' marks, which are drawn small and raised: a mark glued to the word
 * before it (« arrêté¹ ») goes, the word keeping its place; a footnote's number alone on its line
 * and a note's text (a line that starts with its mark) are not the answer's.
 */
function withoutNoteMarks(line: PdfWord[], pageHeight: number): PdfWord[] {
  const small = (w: PdfWord, than: number): boolean => w.yMax - w.yMin < 0.7 * than && NOTE_MARK.test(w.text);
  if (line.length === 1 && line[0] && small(line[0], pageHeight)) return [];
  const height = median(line.map((w) => w.yMax - w.yMin));
  const bottom = median(line.map((w) => w.yMax));
  const mark = (w: PdfWord | undefined): boolean =>
    w !== undefined && small(w, height) && w.yMax < bottom - 0.2 * height;
  const glued = (a: PdfWord | undefined, b: PdfWord | undefined): boolean =>
    a !== undefined && b !== undefined && b.xMin - a.xMax < 0.15 * height;
  if (line.length > 1 && mark(line[0]) && glued(line[0], line[1])) return [];
  const out: PdfWord[] = [];
  for (const w of line) {
    const before = out[out.length - 1];
    // The word before takes the mark's place, so what follows it (« annexe¹. ») stays glued.
    if (before && mark(w) && glued(before, w)) out[out.length - 1] = { ...before, xMax: w.xMax };
    else out.push(w);
  }
  return out;
}

export function physicalLines(
  page: PdfPage,
  index: number,
  bands: readonly Band[],
  visual: boolean,
  fallback: Direction,
): PhysicalLine[] {
  const parts: { side: Side; tokens: Token[]; gutter: number | null }[] = [];
  const pageHeight = median(page.words.map((w) => w.yMax - w.yMin));
  const grouped = groupByLine(attachMarks(page.words, visual));
  // A note's mark alone on its pdftotext line, glued to the start of the line beside it: that
  // line is the note's text (« ⁱ Liste complète en annexe »), not the answer's.
  const noteMarks = grouped.flatMap((l) => (l.length === 1 && withoutNoteMarks(l, pageHeight).length === 0 ? l : []));
  const noteText = (line: PdfWord[]): boolean => {
    const first = line[0];
    const height = first ? first.yMax - first.yMin : 0;
    return (
      first !== undefined &&
      noteMarks.some((m) => overlap(m, first) > 0 && first.xMin - m.xMax >= -0.5 && first.xMin - m.xMax < 0.15 * height)
    );
  };
  for (const all of grouped) {
    const line = noteText(all) ? [] : withoutNoteMarks(all, pageHeight);
    if (line.length === 0) continue;
    const tokens = mergeTight(line);
    const separator = separatorAt(bands, Math.min(...line.map((w) => w.yMin)));
    if (separator === null) {
      parts.push({ side: 'full', tokens, gutter: null });
      continue;
    }
    // A list marker alone that the gutter still cuts is its column's (by its middle), not a
    // heading across the page, which would end the row.
    const marker = tokens.length === 1 && LONE_MARKER.test(tokens[0]?.text ?? '');
    const crossing = !marker && tokens.some((t) => t.xMin < separator - 0.25 && t.xMax > separator + 0.25);
    const left = tokens.filter((t) => (marker ? t.xMin + t.xMax <= 2 * separator : t.xMax <= separator + 0.25));
    const right = tokens.filter((t) => !left.includes(t));
    const lastLeft = left[left.length - 1];
    const firstRight = right[0];
    const gutter = separator;
    if (crossing) parts.push({ side: 'full', tokens, gutter });
    else if (!lastLeft) parts.push({ side: 'right', tokens, gutter });
    else if (!firstRight) parts.push({ side: 'left', tokens, gutter });
    else {
      // Words on both sides: two cells, unless the gap at the gutter is like the line's other
      // spaces. A list marker alone on one side (an Arabic item's, past its cell's edge) is a cell's.
      const gap = firstRight.xMin - lastLeft.xMax;
      const gaps = [...gapsOf(left), ...gapsOf(right)];
      const height = median(tokens.map((t) => t.yMax - t.yMin));
      const lone = (part: Token[]): boolean => part.length === 1 && LONE_MARKER.test(part[0]?.text ?? '');
      const wide = gap >= (gaps.length > 0 ? Math.max(0.2 * height, 1.3 * median(gaps)) : 0.35 * height);
      if (wide || lone(left) || lone(right)) {
        parts.push({ side: 'left', tokens: left, gutter }, { side: 'right', tokens: right, gutter });
      } else parts.push({ side: 'full', tokens, gutter });
    }
  }
  // Parts of one side at the same height are one line (an Arabic list marker and its text); a
  // bullet glyph alone, drawn on a baseline of its own, goes with the text beside it.
  const merged: { side: Side; tokens: Token[]; gutter: number | null; box: { yMin: number; yMax: number } }[] = [];
  const lone = (tokens: Token[]): boolean => tokens.length === 1 && LONE_MARKER.test(tokens[0]?.text ?? '');
  const beside = (a: Token[], b: Token[]): boolean => {
    const [aBox, bBox] = [bounds(a), bounds(b)];
    const height = Math.max(aBox.yMax - aBox.yMin, bBox.yMax - bBox.yMin);
    const gap =
      Math.max(...b.map((t) => t.xMin)) < Math.min(...a.map((t) => t.xMin))
        ? Math.min(...a.map((t) => t.xMin)) - Math.max(...b.map((t) => t.xMax))
        : Math.min(...b.map((t) => t.xMin)) - Math.max(...a.map((t) => t.xMax));
    return overlap(aBox, bBox) > 0 && gap >= 0 && gap < 3 * height;
  };
  for (const part of parts) {
    const box = bounds(part.tokens);
    const same = merged.find(
      (m) =>
        m.side === part.side &&
        (overlap(m.box, box) >= 0.5 * Math.min(m.box.yMax - m.box.yMin, box.yMax - box.yMin) ||
          ((lone(m.tokens) || lone(part.tokens)) && beside(m.tokens, part.tokens))),
    );
    if (same) {
      same.tokens = mergeTight([...same.tokens, ...part.tokens].sort((a, b) => a.xMin - b.xMin));
      same.box = bounds(same.tokens);
    } else merged.push({ ...part, box });
  }
  const raw = merged.map(({ side, tokens, gutter }) => ({
    side,
    gutter,
    tokens,
    direction: lineDirection(tokens.map((t) => t.text).join(' ')),
  }));
  // A line without letters (« 2020. ») reads in the direction of the other lines of its column.
  const majority = (side: Side): Direction | null => {
    const count = (d: Direction) => raw.filter((l) => l.side === side && l.direction === d).length;
    return count('rtl') + count('ltr') === 0 ? null : count('rtl') > count('ltr') ? 'rtl' : 'ltr';
  };
  return raw.map(({ side, gutter, tokens, direction: own }) => {
    const text = tokens.map((t) => t.text).join(' ');
    const direction = own ?? majority(side) ?? fallback;
    const bottom = Math.max(...tokens.map((t) => t.yMax));
    const height = median(tokens.map((t) => t.yMax - t.yMin));
    return {
      page: index,
      side,
      gutter,
      tokens,
      direction,
      text: repairArabic(visualToLogical(text, direction)),
      top: bottom - height,
      bottom,
      height,
    };
  });
}

function bounds(tokens: readonly Token[]): { yMin: number; yMax: number } {
  return { yMin: Math.min(...tokens.map((t) => t.yMin)), yMax: Math.max(...tokens.map((t) => t.yMax)) };
}
