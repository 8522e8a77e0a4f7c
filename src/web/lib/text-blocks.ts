import type { Block, ListBlock, ListItem } from '../../domain/blocks.js';

/**
 * The block editor's plain-text form, and back. One line is one paragraph; `- ` starts a bullet
 * item and `1. ` (any number, or `1)`) a numbered one; two spaces of indentation per level nest
 * a list inside the item above it. Blank lines only separate. Pure: unit-tested on round trips.
 */

const INDENT = '  ';
const ITEM = /^(-|\*|•|\d+[.)])\s+(.*)$/u;

interface Line {
  depth: number;
  kind: 'paragraph' | 'bullet' | 'number' | 'blank';
  text: string;
}

function readLine(raw: string): Line {
  const line = raw.replace(/\t/g, INDENT).replace(/\s+$/u, '');
  if (line.trim() === '') return { depth: 0, kind: 'blank', text: '' };
  const spaces = line.length - line.trimStart().length;
  const depth = Math.floor(spaces / INDENT.length);
  const body = line.trimStart();
  // A backslash keeps a paragraph that starts like an item ("2020. A year…") a paragraph.
  if (body.startsWith('\\')) return { depth, kind: 'paragraph', text: body.slice(1) };
  const item = ITEM.exec(body);
  if (!item) return { depth, kind: 'paragraph', text: body };
  const marker = item[1]!;
  return { depth, kind: /^\d/.test(marker) ? 'number' : 'bullet', text: item[2]!.trim() };
}

/**
 * Blocks from the editor's text. Indented paragraph lines continue the item above them; a blank
 * line ends the lists above it (two lists one after the other stay two lists).
 */
export function textToBlocks(text: string): Block[] {
  const lines = text.split(/\r?\n/).map(readLine);
  const blocks: Block[] = [];
  // The open lists, outermost first: the list and the depth of its items.
  let open: { list: ListBlock; depth: number }[] = [];

  for (const line of lines) {
    if (line.kind === 'blank') {
      open = [];
      continue;
    }
    if (line.kind === 'paragraph') {
      // A paragraph inside a list (indented under an item) continues that item's text.
      const host = open.filter((o) => o.depth < line.depth).at(-1);
      const item = host?.list.items.at(-1);
      if (host && item) {
        open = open.slice(0, open.indexOf(host) + 1);
        item.blocks.push({ type: 'paragraph', text: line.text });
        continue;
      }
      open = [];
      blocks.push({ type: 'paragraph', text: line.text });
      continue;
    }
    const ordered = line.kind === 'number';
    // Close the lists deeper than this line, and a list of the other kind at this depth.
    while (open.length > 0 && open.at(-1)!.depth > line.depth) open.pop();
    const same = open.at(-1);
    if (same && same.depth === line.depth && same.list.ordered === ordered) {
      same.list.items.push({ text: line.text, blocks: [] });
      continue;
    }
    if (same && same.depth === line.depth) open.pop();
    const list: ListBlock = { type: 'list', ordered, items: [{ text: line.text, blocks: [] }] };
    const parent = open.at(-1)?.list.items.at(-1);
    if (parent) parent.blocks.push(list);
    else blocks.push(list);
    open.push({ list, depth: line.depth });
  }
  return blocks;
}

/** The editor's text for blocks: the inverse of textToBlocks for blocks it makes. */
export function blocksToText(blocks: readonly Block[]): string {
  const out: string[] = [];
  const write = (items: readonly Block[], depth: number) => {
    const pad = INDENT.repeat(depth);
    items.forEach((block, index) => {
      if (block.type === 'paragraph') {
        const escape = ITEM.test(block.text) || block.text.startsWith('\\') ? '\\' : '';
        out.push(`${pad}${escape}${block.text}`);
        return;
      }
      // Two lists one after the other would read back as one: a blank line keeps them apart.
      if (depth === 0 && items[index - 1]?.type === 'list') out.push('');
      block.items.forEach((item: ListItem, n) => {
        out.push(`${pad}${block.ordered ? `${n + 1}.` : '-'} ${item.text}`);
        write(item.blocks, depth + 1);
      });
    });
  };
  write(blocks, 0);
  return out.join('\n');
}
