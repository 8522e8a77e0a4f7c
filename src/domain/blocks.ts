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
