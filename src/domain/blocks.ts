/**
 * The text of an answer: paragraphs and (nested) lists. This shape is part of the public
 * review JSON contract (docs/review-json.md); change it only with a migration of stored answers.
 */
export type Block = ParagraphBlock | ListBlock;

export interface ParagraphBlock {
  type: 'paragraph';
  text: string;
}

export interface ListBlock {
  type: 'list';
  ordered: boolean;
  items: ListItem[];
}

/** A list item: its own text, then any blocks (a nested list) that belong to it. */
export interface ListItem {
  text: string;
  blocks: Block[];
}

/** Text as stored: Unicode NFC, runs of whitespace collapsed to one space, trimmed. */
export function normalizeText(text: string): string {
  return text.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/**
 * Structural equality, used to decide whether an import changes an answer. Key order does not
 * count: blocks read back from a jsonb column come with their keys in the database's order.
 */
export function sameBlocks(a: readonly Block[], b: readonly Block[]): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    entries.sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Every text of the blocks in reading order (for counting words, search, comparisons). */
export function blockTexts(blocks: readonly Block[]): string[] {
  const out: string[] = [];
  for (const block of blocks) {
    if (block.type === 'paragraph') out.push(block.text);
    else
      for (const item of block.items) {
        out.push(item.text);
        out.push(...blockTexts(item.blocks));
      }
  }
  return out;
}

/**
 * Limits of one answer or contribution, so a save can never grow without bound. `depth` counts
 * levels of blocks: the top level is 1 and a list's items hold level 2…, so five nested lists at
 * most (the editor and the paste filter flatten deeper nesting to that).
 */
export const BLOCK_LIMITS = { depth: 6, lines: 2000, characters: 200_000 } as const;

/**
 * Blocks as they are stored: texts normalised, empty paragraphs and empty childless items
 * dropped, empty lists dropped. Returns null when they exceed BLOCK_LIMITS.
 */
export function cleanBlocks(blocks: readonly Block[]): Block[] | null {
  let lines = 0;
  let characters = 0;
  const clean = (list: readonly Block[], depth: number): Block[] | null => {
    if (depth > BLOCK_LIMITS.depth) return null;
    const out: Block[] = [];
    for (const block of list) {
      if (block.type === 'paragraph') {
        const text = normalizeText(block.text);
        if (!text) continue;
        lines++;
        characters += text.length;
        out.push({ type: 'paragraph', text });
      } else {
        const items = [];
        for (const item of block.items) {
          const text = normalizeText(item.text);
          const children = clean(item.blocks, depth + 1);
          if (children === null) return null;
          if (!text && children.length === 0) continue;
          lines++;
          characters += text.length;
          items.push({ text, blocks: children });
        }
        if (items.length > 0) out.push({ type: 'list', ordered: block.ordered, items });
      }
    }
    return out;
  };
  const out = clean(blocks, 1);
  return out && lines <= BLOCK_LIMITS.lines && characters <= BLOCK_LIMITS.characters ? out : null;
}
