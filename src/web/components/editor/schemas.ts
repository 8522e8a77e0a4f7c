import { Extension, type AnyExtension } from '@tiptap/core';
import Document from '@tiptap/extension-document';
import { BulletList, ListItem, ListKeymap, OrderedList } from '@tiptap/extension-list';
import Paragraph from '@tiptap/extension-paragraph';
import Text from '@tiptap/extension-text';
import { UndoRedo } from '@tiptap/extensions';
import type { Node as PmNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { MAX_LIST_DEPTH } from './convert.js';
import { bidiDirection } from './direction.js';

/**
 * One editor schema per document type. A document type is the list of TipTap extensions that
 * make its nodes and marks: what the schema does not have cannot be typed, pasted or dropped.
 *
 * ANSWER holds exactly what answer blocks hold (src/domain/blocks.ts): paragraphs, bulleted and
 * numbered lists whose items have a paragraph then more blocks, nested no deeper than
 * MAX_LIST_DEPTH (BLOCK_LIMITS); no marks (emphasis is dropped), no hard breaks. The regional synthesis
 * (issue 14) will be another document type next to this one: ANSWER's extensions plus headings,
 * citation marks and embedded figures, with its own converter.
 */

export type DocumentType = 'answer';

/** How many lists (bulleted or numbered) hold the node at `pos`, itself included when it is one. */
export function listDepthAt(state: EditorState, pos = state.selection.from): number {
  const $pos = state.doc.resolve(pos);
  let depth = 0;
  for (let d = $pos.depth; d > 0; d--) if (isList($pos.node(d))) depth++;
  return depth;
}

const isList = (node: PmNode) => node.type.name === 'bulletList' || node.type.name === 'orderedList';

/** The deepest nesting of lists in a document. */
export function deepestList(doc: PmNode): number {
  let deepest = 0;
  const walk = (node: PmNode, depth: number) => {
    const here = isList(node) ? depth + 1 : depth;
    deepest = Math.max(deepest, here);
    node.forEach((child) => {
      if (!child.isTextblock) walk(child, here);
    });
  };
  walk(doc, 0);
  return deepest;
}

/**
 * Lists nest no deeper than blocks allow: a change that would go deeper (Tab on the deepest level,
 * a paste) is refused as a whole, so the server never gets an answer it would refuse.
 */
export const nestingLimit = () =>
  new Plugin({
    key: new PluginKey('nestingLimit'),
    filterTransaction: (tr) => !tr.docChanged || deepestList(tr.doc) <= MAX_LIST_DEPTH,
  });
const NestingLimit = Extension.create({
  name: 'nestingLimit',
  addProseMirrorPlugins: () => [nestingLimit()],
});

/**
 * Tab and Shift+Tab indent and outdent inside a list (and do nothing else there, so a first item
 * does not throw the cursor out of the editor); Escape then Tab leaves the editor, so the
 * keyboard is never trapped. Outside lists Tab moves on as everywhere else.
 */
export const escapeKey = new PluginKey<{ escaped: boolean }>('escapeThenTab');
const Indent = Extension.create({
  name: 'indent',
  priority: 1000,
  addKeyboardShortcuts() {
    const inList = () => this.editor.isActive('listItem');
    return {
      Tab: () => this.editor.commands.sinkListItem('listItem') || inList(),
      'Shift-Tab': () => this.editor.commands.liftListItem('listItem') || inList(),
      // Answers have no line breaks inside a paragraph: Shift+Enter starts a new one, like Enter.
      'Shift-Enter': () => this.editor.commands.keyboardShortcut('Enter'),
    };
  },
  addProseMirrorPlugins() {
    let escaped = false;
    return [
      new Plugin({
        key: escapeKey,
        props: {
          handleDOMEvents: {
            // Before ProseMirror's own key handling: true leaves the event to the browser.
            keydown: (_view, event) => {
              if (event.key === 'Escape') {
                escaped = true;
                return false;
              }
              const leave = escaped && event.key === 'Tab';
              if (!['Shift', 'Control', 'Alt', 'Meta'].includes(event.key)) escaped = false;
              return leave;
            },
            blur: () => {
              escaped = false;
              return false;
            },
          },
        },
      }),
    ];
  },
});

/**
 * Each paragraph and list takes the direction of its first letter (like dir="auto", but an
 * empty paragraph keeps the page's direction instead of falling back to left to right), and the
 * editable area that of the whole text: Arabic lists indent and put their bullets on the right.
 */
const Direction = Extension.create({
  name: 'direction',
  addProseMirrorPlugins() {
    return [bidiDirection()];
  },
});

/** The nodes of an answer: exactly those of blocks. */
export const ANSWER_EXTENSIONS: AnyExtension[] = [
  Document,
  Paragraph,
  Text,
  BulletList,
  OrderedList,
  ListItem,
  ListKeymap,
  UndoRedo,
  NestingLimit,
  Indent,
  Direction,
];

export const SCHEMAS: Record<DocumentType, AnyExtension[]> = { answer: ANSWER_EXTENSIONS };
