import type { Block } from '../../../domain/blocks.js';
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
