import type { JSONContent } from '@tiptap/core';
import { BLOCK_LIMITS, normalizeText, type Block, type ListItem } from '../../../domain/blocks.js';

/**
 * Answer blocks ⇄ the ANSWER document's ProseMirror JSON. Pure: unit-tested on round trips.
 *
 * To the editor: every block as it is, lists nested deeper than MAX_LIST_DEPTH brought up to
 * the deepest level allowed (their items follow the item that held them), so nothing is lost.
 * From the editor: blocks as the server stores them (texts normalised, empty paragraphs and
 * empty childless items dropped), so comparing with the server's blocks says whether anything
 * changed. Anything the schema lacks (marks, hard breaks from older content) becomes plain text.
 */

/**
 * The deepest list allowed: cleanBlocks counts the top level as 1 and an item's blocks one
 * deeper, and refuses a list whose items' blocks would be deeper than BLOCK_LIMITS.depth.
 */
export const MAX_LIST_DEPTH = BLOCK_LIMITS.depth - 1;

export function blocksToDoc(blocks: readonly Block[]): JSONContent {
  const content = blocksToNodes(capDepth(blocks, 1));
  return { type: 'doc', content: content.length > 0 ? content : [paragraph('')] };
}

function paragraph(text: string): JSONContent {
  return text ? { type: 'paragraph', content: [{ type: 'text', text }] } : { type: 'paragraph' };
}

function blocksToNodes(blocks: readonly Block[]): JSONContent[] {
  return blocks.map((block) =>
    block.type === 'paragraph'
      ? paragraph(block.text)
      : {
          type: block.ordered ? 'orderedList' : 'bulletList',
          content: block.items.map((item) => ({
            type: 'listItem',
            content: [paragraph(item.text), ...blocksToNodes(item.blocks)],
          })),
        },
  );
}

/** Lists at `depth` (1 for the top level) and below, with none deeper than the limit. */
function capDepth(blocks: readonly Block[], depth: number): Block[] {
  return blocks.map((block) => {
    if (block.type === 'paragraph') return block;
    const items: ListItem[] = [];
    for (const item of block.items) {
      if (depth < MAX_LIST_DEPTH) {
        items.push({ text: item.text, blocks: capDepth(item.blocks, depth + 1) });
        continue;
      }
      // The deepest level: the item keeps its paragraphs; its lists' items follow it.
      items.push({ text: item.text, blocks: item.blocks.filter((b) => b.type === 'paragraph') });
      for (const inner of item.blocks) if (inner.type === 'list') items.push(...flatItems(inner.items));
    }
    return { ...block, items };
  });
}

function flatItems(items: readonly ListItem[]): ListItem[] {
  return items.flatMap((item) => [
    { text: item.text, blocks: item.blocks.filter((b) => b.type === 'paragraph') },
    ...item.blocks.flatMap((b) => (b.type === 'list' ? flatItems(b.items) : [])),
  ]);
}

export function docToBlocks(doc: JSONContent): Block[] {
  return nodesToBlocks(doc.content ?? []);
}

/** The text of a node: its text nodes joined, a hard break as a space, normalised. */
function textOf(node: JSONContent): string {
  const parts: string[] = [];
  const walk = (n: JSONContent) => {
    if (n.type === 'text') parts.push(n.text ?? '');
    else if (n.type === 'hardBreak') parts.push(' ');
    else (n.content ?? []).forEach(walk);
  };
  walk(node);
  return normalizeText(parts.join(''));
}

function nodesToBlocks(nodes: readonly JSONContent[]): Block[] {
  const blocks: Block[] = [];
  for (const node of nodes) {
    if (node.type === 'bulletList' || node.type === 'orderedList') {
      const items: ListItem[] = [];
      for (const item of node.content ?? []) {
        const [first, ...rest] = item.content ?? [];
        // An item starts with its paragraph; one that starts with a list has an empty text.
        const own = first?.type === 'paragraph' ? textOf(first) : '';
        const children = nodesToBlocks(first?.type === 'paragraph' ? rest : (item.content ?? []));
        if (own || children.length > 0) items.push({ text: own, blocks: children });
      }
      if (items.length > 0) blocks.push({ type: 'list', ordered: node.type === 'orderedList', items });
    } else {
      // A paragraph, or any other text block an older schema made: its text.
      const text = textOf(node);
      if (text) blocks.push({ type: 'paragraph', text });
    }
  }
  return blocks;
}
