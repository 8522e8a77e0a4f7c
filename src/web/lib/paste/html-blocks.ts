import type { Block } from '../../../domain/blocks.js';
import { parseHtml, type HtmlElement, type HtmlNode } from './html.js';
import { outlineToBlocks, readMarker, typedItem, type Entry } from './outline.js';

/**
 * Blocks from clipboard HTML: Word (flat paragraphs carrying `mso-list:lN levelM lfoK`, the
 * marker inside `[if !supportLists]` or a `mso-list:Ignore` span), LibreOffice and any page
 * (nested <ul>/<ol>, <li> left unclosed), Google Docs (lists kept flat with `aria-level`, or a
 * <ul> placed directly inside a <ul>). Paragraphs typed with a marker (« ١. », « - ») become list
 * items. Emphasis, links and styles are dropped: answers are plain text.
 */
export function htmlToBlocks(html: string): Block[] {
  const reader = new Reader();
  reader.walk(parseHtml(html), { lists: 0, items: 0, ordered: false });
  reader.flush({ lists: 0, items: 0, ordered: false });
  return outlineToBlocks(reader.entries);
}

/** Elements whose content is not part of the text. */
const SKIP = new Set(['head', 'style', 'script', 'title', 'xml', 'template', 'meta', 'link', 'img', 'svg']);
/** Elements that end the text before them and start a new block. */
const BLOCK = new Set([
  'p',
  'div',
  'li',
  'ul',
  'ol',
  'table',
  'tr',
  'td',
  'th',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'pre',
  'dl',
  'dt',
  'dd',
  'section',
  'article',
  'header',
  'footer',
  'caption',
  'hr',
]);
const ORDERED_STYLE =
  /list-style-type:\s*(decimal|lower|upper|arabic|arabic-indic|persian|hebrew|armenian|georgian|cjk)/iu;
const BULLET_STYLE = /list-style-type:\s*(disc|circle|square|none)/iu;

interface Context {
  /** <ul>/<ol> around the node. */
  lists: number;
  /** <li> around the node. */
  items: number;
  /** The kind of the innermost list. */
  ordered: boolean;
}

class Reader {
  entries: Entry[] = [];
  private text = '';
  private marker = '';
  /** An item whose own text is being read (written at the next block boundary). */
  private pending: { depth: number; ordered: boolean | null; list?: string } | null = null;
  /** The depth of the item that later paragraphs belong to, for Word's continuation paragraphs. */
  private wordDepth = 0;

  walk(element: HtmlElement, context: Context): void {
    for (const child of element.children) this.node(child, context);
  }

  private node(node: HtmlNode, context: Context): void {
    if (typeof node === 'string') {
      this.text += node;
      return;
    }
    const { name, attributes } = node;
    const style = attributes['style'] ?? '';
    if (SKIP.has(name)) return;
    // Word's list marker (« · », « o », « 1. », « a) »): kept apart to tell bullets from numbers.
    if (
      (name === '#if' && /supportLists/iu.test(attributes['condition'] ?? '')) ||
      /mso-list:\s*ignore/iu.test(style)
    ) {
      const before = this.text;
      this.text = '';
      this.walk(node, context);
      this.marker += this.text;
      this.text = before;
      return;
    }
    if (name === 'br') {
      this.flush(context);
      return;
    }
    if (!BLOCK.has(name)) {
      this.walk(node, context);
      return;
    }
    this.flush(context);
    if (name === 'ul' || name === 'ol') {
      this.endItem();
      this.wordDepth = 0;
      const ordered = name === 'ol' ? !BULLET_STYLE.test(style) : ORDERED_STYLE.test(style);
      this.walk(node, { ...context, lists: context.lists + 1, ordered });
      if (context.lists === 0) this.entries.push({ kind: 'break' });
      return;
    }
    if (name === 'li') {
      this.endItem();
      const level = Number(attributes['aria-level']);
      // Google Docs says each item's level, whether it nests its lists, puts a nested <ul> beside
      // the items or keeps them all in one flat list; elsewhere the lists around the item count.
      const depth = Number.isInteger(level) && level > 0 ? Math.max(level, context.lists) : Math.max(1, context.lists);
      const ordered = ORDERED_STYLE.test(style) ? true : BULLET_STYLE.test(style) ? false : context.ordered;
      this.pending = { depth, ordered };
      this.walk(node, { ...context, items: depth });
      this.flush({ ...context, items: depth });
      this.endItem();
      return;
    }
    const word = /mso-list:\s*(l\d+)\s+level(\d+)\s+(lfo\d+)/iu.exec(style);
    if (word) {
      this.endItem();
      const depth = Number(word[2]);
      this.pending = { depth, ordered: null, list: `${word[1]}-${word[3]}` };
      this.marker = '';
      this.walk(node, context);
      this.flush(context);
      this.endItem();
      this.wordDepth = depth;
      return;
    }
    // A Word list paragraph without a marker continues the item above it.
    const continues = /^MsoListParagraph/iu.test(attributes['class'] ?? '') && context.lists === 0;
    if (!continues && context.lists === 0 && context.items === 0) this.wordDepth = 0;
    this.walk(node, context);
    this.flush(context);
  }

  /** Writes the text read so far as the pending item's text, or as a paragraph. */
  flush(context: Context): void {
    const text = this.text;
    this.text = '';
    if (this.pending) {
      if (text.trim() === '') return;
      this.endItem(text);
      return;
    }
    if (text.trim() === '') return;
    const depth = context.items || this.wordDepth;
    // HTML collapses whitespace, so a marker may be followed by a line break in the source.
    const typed = depth === 0 ? typedItem(text.replace(/\s+/gu, ' ').trim()) : null;
    if (typed) this.entries.push({ kind: 'item', depth: 1, ordered: typed.marker.ordered, text: typed.text });
    else this.entries.push({ kind: 'paragraph', depth, text });
  }

  /** Writes the pending item (with an empty text when a nested list comes before any text). */
  private endItem(text = ''): void {
    const pending = this.pending;
    if (!pending) return;
    this.pending = null;
    const ordered = pending.ordered ?? readMarker(this.marker)?.ordered ?? /\p{N}/u.test(this.marker);
    this.marker = '';
    const item: Entry = { kind: 'item', depth: pending.depth, ordered, text };
    if (pending.list) item.list = pending.list;
    this.entries.push(item);
  }
}
