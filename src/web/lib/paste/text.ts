import type { Block } from '../../../domain/blocks.js';
import { outlineToBlocks, typedItem, type Entry, type Marker, type MarkerStyle } from './outline.js';

/**
 * Blocks from clipboard plain text: lines typed with bullets (« • », « - », « * », Word's
 * « · », « o » and « § » followed by a tab) or numbers (« 1. », « 1) », « a) », « i. », « ١. »).
 * Nesting comes from indentation (tabs or spaces, any width, compared with the lines above) or,
 * at one indentation, from Word's level styles: « o » under a bullet, « § » under « o », a letter
 * under a number and a roman numeral under a letter. A line under an item that is indented like
 * its text continues it.
 */
export function textToBlocks(text: string): Block[] {
  const entries: Entry[] = [];
  // The open list levels: the indentation of their items and the style of their markers.
  const levels: { indent: number; style: MarkerStyle; last: string }[] = [];

  for (const raw of text.replace(/\r\n?/gu, '\n').split('\n')) {
    if (raw.trim() === '') continue;
    const indent = width(/^[ \t\u00a0\u3000]*/u.exec(raw)![0]);
    const body = raw.trim();
    const typed = typedItem(body);
    if (!typed) {
      // Indented under an item: a paragraph of that item; otherwise a paragraph of its own.
      const host = levels.findLastIndex((level) => level.indent < indent);
      levels.length = host + 1;
      entries.push({ kind: 'paragraph', depth: host + 1, text: body });
      continue;
    }
    const style = styleOf(typed.marker, levels.at(-1));
    while (levels.length > 0 && levels.at(-1)!.indent > indent) levels.pop();
    const top = levels.at(-1);
    if (!top || top.indent < indent) {
      levels.push({ indent, style, last: typed.marker.value });
    } else if (top.style !== style) {
      // Same indentation, another style: back to a level above that has it, or one level down
      // when the style is Word's next level (« o » under « · »), or a new list at this level.
      const above = levels.findLastIndex((level) => level.indent === indent && level.style === style);
      if (above >= 0) levels.length = above + 1;
      else if (deeper(top.style, style)) levels.push({ indent, style, last: typed.marker.value });
      else levels[levels.length - 1] = { indent, style, last: typed.marker.value };
    }
    levels.at(-1)!.last = typed.marker.value;
    entries.push({ kind: 'item', depth: levels.length, ordered: typed.marker.ordered, text: typed.text });
  }
  return outlineToBlocks(entries);
}

/** Columns of leading whitespace: a tab counts as a wide step (4 columns). */
function width(space: string): number {
  let columns = 0;
  for (const c of space) columns += c === '\t' ? 4 : 1;
  return columns;
}

/** « i » after « h » is a letter; otherwise a lone i, v or x under letters is a roman numeral. */
function styleOf(marker: Marker, top: { style: MarkerStyle; last: string } | undefined): MarkerStyle {
  if (marker.style !== 'alpha' || !/^[ivx]$/iu.test(marker.value)) return marker.style;
  if (top?.style === 'alpha' && top.last.codePointAt(0)! + 1 === marker.value.codePointAt(0)) return 'alpha';
  return top?.style === 'alpha' || top?.style === 'roman' ? 'roman' : 'alpha';
}

/** Word's default level sequences: bullets « · o § », numbers « 1. a. i. ». */
function deeper(upper: MarkerStyle, lower: MarkerStyle): boolean {
  return (
    (lower === 'circle' && upper !== 'square') ||
    (lower === 'square' && upper === 'circle') ||
    (lower === 'alpha' && upper === 'decimal') ||
    (lower === 'roman' && upper === 'alpha')
  );
}
