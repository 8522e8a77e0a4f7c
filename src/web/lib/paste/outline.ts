import { BLOCK_LIMITS, cleanBlocks, normalizeText, type Block, type ListBlock } from '../../../domain/blocks.js';

/**
 * Every source (Word's flat `mso-list` paragraphs, nested <ul>/<ol>, Google Docs' `aria-level`,
 * typed bullets in plain text) is first read as an outline: a flat sequence of items with their
 * nesting depth and paragraphs with the depth of the item they belong to. One builder turns it
 * into blocks, so that every source nests the same way.
 */
export type Entry =
  /** A list item at `depth` (1 = top-level list). `list` tells two lists of the same kind apart. */
  | { kind: 'item'; depth: number; ordered: boolean; text: string; list?: string }
  /** A paragraph: at the top (depth 0) or inside the last item at `depth`. */
  | { kind: 'paragraph'; depth: number; text: string }
  /** The end of the lists above (the next item starts a new list). */
  | { kind: 'break' };

/** Deepest list level an answer may hold: blocks at depth 1 are the answer's own. */
const MAX_LIST_DEPTH = BLOCK_LIMITS.depth - 1;

export function outlineToBlocks(entries: readonly Entry[]): Block[] {
  const blocks: Block[] = [];
  // The open lists, outermost first; open[n] holds the items at depth n + 1.
  const open: { list: ListBlock; id: string | undefined }[] = [];
  const hostOf = (depth: number) => open[depth - 1]?.list.items.at(-1);

  for (const entry of entries) {
    if (entry.kind === 'break') {
      open.length = 0;
      continue;
    }
    const text = normalizeText(entry.text);
    if (entry.kind === 'paragraph') {
      const depth = Math.min(entry.depth, open.length);
      open.length = depth;
      const paragraph: Block = { type: 'paragraph', text };
      if (depth === 0) blocks.push(paragraph);
      else hostOf(depth)!.blocks.push(paragraph);
      continue;
    }
    // A jump of several levels (Word allows level 1 then level 3) nests one level only.
    const depth = Math.max(1, Math.min(entry.depth, open.length + 1, MAX_LIST_DEPTH));
    open.length = Math.min(open.length, depth);
    const current = open[depth - 1];
    if (current && current.list.ordered === entry.ordered && current.id === entry.list) {
      current.list.items.push({ text, blocks: [] });
      continue;
    }
    open.length = depth - 1;
    const list: ListBlock = { type: 'list', ordered: entry.ordered, items: [{ text, blocks: [] }] };
    const host = hostOf(depth - 1);
    if (depth > 1 && host) host.blocks.push(list);
    else blocks.push(list);
    open.push({ list, id: entry.list });
  }
  // Stored form: texts normalised, empty items and paragraphs dropped. Past the size limits the
  // server refuses the save with its own message, so the blocks are kept as read.
  return cleanBlocks(blocks) ?? blocks;
}

/** Bullet characters: typed ones, and those Word writes in Symbol/Wingdings fonts for levels 1–3. */
const BULLET = '[•·‣⁃▪■□◆◇►▶➢➤✓✔❒❍●○◦\\-*–—§o\uF0A7\uF0B7\uF0D8\uF076\uF0FC\uF06E\uF071\uF072\uF06D]';
/** Numbers and letters before `.` or `)`: 1–3 Western, Arabic-Indic or Persian digits, a Latin
 * letter, a small roman numeral, an abjad letter (أ ب ج د هـ …). */
const NUMBER = '(?:\\d{1,3}|[\u0660-\u0669]{1,3}|[\u06F0-\u06F9]{1,3}|[a-zA-Z]|[ivxIVX]{1,4}|هـ|[\u0621-\u064A])';

export type MarkerStyle = 'bullet' | 'circle' | 'square' | 'decimal' | 'alpha' | 'roman';

export interface Marker {
  style: MarkerStyle;
  ordered: boolean;
  /** The marker as written (a letter or number without its punctuation). */
  value: string;
}

/** What a list marker says: bullet or number, and which of Word's level styles it is. */
export function readMarker(marker: string): Marker | null {
  const m = marker.trim();
  if (new RegExp(`^${BULLET}$`, 'u').test(m)) {
    const style = /^[o○◦\uF06D]$/u.test(m) ? 'circle' : /^[§▪■\uF0A7\uF06E]$/u.test(m) ? 'square' : 'bullet';
    return { style, ordered: false, value: m };
  }
  const number = new RegExp(`^\\(?(${NUMBER})[.)]$`, 'u').exec(m);
  if (!number) return null;
  const value = number[1]!;
  const style = /^[ivx]+$/iu.test(value) && value.length > 1 ? 'roman' : /^\p{Nd}+$/u.test(value) ? 'decimal' : 'alpha';
  return { style, ordered: true, value };
}

/** A line or paragraph that starts with a typed marker: `- `, `• `, `o⇥`, `1. `, `a) `, `١. `. */
export function typedItem(text: string): { marker: Marker; text: string } | null {
  const m = new RegExp(`^(${BULLET}|\\(?${NUMBER}[.)])(\\t|[ \u00a0]+)(\\S.*)$`, 'su').exec(text);
  if (!m) return null;
  // « o » is also a letter: it is a bullet only when a tab or a wide gap follows (Word's text).
  if (m[1] === 'o' && !/\t| {2}|\u00a0/u.test(m[2]!)) return null;
  const marker = readMarker(m[1]!);
  return marker ? { marker, text: m[3]! } : null;
}
