import type { Node as PmNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';

const LETTER = /\p{L}/u;
const RIGHT_TO_LEFT =
  /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Adlam}]/u;

/** The direction of a node's first letter, as dir="auto" decides it; undefined without letters. */
export function directionOfNode(node: PmNode): 'ltr' | 'rtl' | undefined {
  const letter = LETTER.exec(node.textContent)?.[0];
  if (!letter) return undefined;
  return RIGHT_TO_LEFT.test(letter) ? 'rtl' : 'ltr';
}

/** The paragraphs and lists that have a direction of their own, with it (list items: none). */
export function directionsOf(doc: PmNode): { from: number; to: number; dir: 'ltr' | 'rtl' }[] {
  const found: { from: number; to: number; dir: 'ltr' | 'rtl' }[] = [];
  doc.descendants((node, pos) => {
    if (node.type.name === 'listItem') return true;
    const dir = directionOfNode(node);
    if (dir) found.push({ from: pos, to: pos + node.nodeSize, dir });
    // Paragraphs hold only text; lists hold items worth a look.
    return !node.isTextblock;
  });
  return found;
}

const decorate = (doc: PmNode) =>
  DecorationSet.create(
    doc,
    directionsOf(doc).map(({ from, to, dir }) => Decoration.node(from, to, { dir })),
  );

/**
 * `dir` on each paragraph and list from its first letter, and on the editable area from the
 * whole text. dir="auto" would not do: an empty paragraph falls back to left to right, and a
 * list's own dir="auto" looks past items that have one of their own.
 */
export function bidiDirection(): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key: new PluginKey('bidiDirection'),
    state: {
      init: (_config, state) => decorate(state.doc),
      apply: (tr, old) => (tr.docChanged ? decorate(tr.doc) : old),
    },
    props: {
      decorations(state) {
        return this.getState(state);
      },
      attributes: (state): Record<string, string> => {
        const dir = directionOfNode(state.doc);
        return dir ? { dir } : {};
      },
    },
  });
}
