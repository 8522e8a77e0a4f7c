import type { Block } from '../../../domain/blocks.js';
import { blocksToText } from '../text-blocks.js';
import { htmlToBlocks } from './html-blocks.js';
import { textToBlocks } from './text.js';

/**
 * The paste filter: clipboard content (HTML from Word, LibreOffice, Google Docs or a web page;
 * else plain text) as answer blocks. Pure and DOM-free: the editor (components/block-editor.tsx)
 * inserts the blocks at the selection.
 */
export { htmlToBlocks } from './html-blocks.js';
export { textToBlocks } from './text.js';

export function clipboardToBlocks(clipboard: { html?: string; text?: string }): Block[] {
  if (clipboard.html && clipboard.html.trim() !== '') {
    const blocks = htmlToBlocks(clipboard.html);
    if (blocks.length > 0) return blocks;
  }
  return textToBlocks(clipboard.text ?? '');
}

/**
 * Text in the typing code (text-blocks.ts) after a paste, for plain-text fields: the clipboard's blocks in the editor's typing code put in place of
 * the selection, on lines of their own (a list cannot start in the middle of a line), with the
 * cursor after them. Null when the clipboard holds no structure worth converting (plain words:
 * the browser's own paste keeps its undo history).
 */
export function pasteIntoText(
  value: string,
  selection: { start: number; end: number },
  clipboard: { html?: string; text?: string },
): { value: string; cursor: number; inserted: string } | null {
  const blocks = clipboardToBlocks(clipboard);
  if (blocks.length === 0) return null;
  if (blocks.length === 1 && blocks[0]!.type === 'paragraph' && !clipboard.text?.includes('\n')) return null;
  const before = value.slice(0, selection.start);
  const after = value.slice(selection.end);
  const lead = before === '' || before.endsWith('\n') ? '' : '\n';
  const trail = after === '' || after.startsWith('\n') ? '' : '\n';
  const inserted = `${lead}${blocksToText(blocks)}${trail}`;
  return { value: before + inserted + after, cursor: before.length + inserted.length - trail.length, inserted };
}
