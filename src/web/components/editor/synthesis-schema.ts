import { Extension, Mark, Node, mergeAttributes, type AnyExtension, type JSONContent } from '@tiptap/core';
import Document from '@tiptap/extension-document';
import { ListItem } from '@tiptap/extension-list';
import type { Node as PmNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { ReactNodeViewRenderer } from '@tiptap/react';
import { ANSWER_EXTENSIONS } from './schemas.js';

/**
 * The regional synthesis's document type (src/domain/synthesis.ts): ANSWER's paragraphs and
 * nested lists, plus headings 1–3, bold, italic, the citation mark and two atoms, a code's
 * figure and the objectives matrix, drawn live from the figures API. Headings and atoms are in
 * a group of their own, so a list item (« paragraph block* ») cannot hold them — the server
 * would refuse them there.
 */

type View = Parameters<typeof ReactNodeViewRenderer>[0];

export interface SynthesisOptions {
  cycle: string;
  /** How the editor draws figures and the matrix (synthesis-nodes.tsx); none: plain blocks (tests). */
  views?: { figure: View; matrix: View };
  /** The marker's accessible name for a citation (« Citation : <pays>, <question> »). */
  describe: (id: number) => string;
  /** A marker was clicked: open that citation. */
  open: (id: number) => void;
}

const SynthesisDocument = Document.extend({ content: '(block | synthesisBlock)+' });
/** A list item is one paragraph, then lists (the model's rule; TipTap's allows any block after it). */
const SynthesisListItem = ListItem.extend({ content: 'paragraph (bulletList | orderedList)*' });

const Heading = Node.create({
  name: 'heading',
  group: 'synthesisBlock',
  content: 'inline*',
  defining: true,
  addAttributes: () => ({ level: { default: 1, rendered: false } }),
  // The page's own title is the h1: the document's level n is drawn as h(n+1), its level kept in data-level.
  parseHTML: () => [
    ...[1, 2, 3].map((level) => ({ tag: `[data-level="${level}"]`, attrs: { level }, priority: 60 })),
    ...[1, 2, 3].map((level) => ({ tag: `h${level}`, attrs: { level } })),
  ],
  renderHTML: ({ node, HTMLAttributes }) => [
    `h${Number(node.attrs.level) + 1}`,
    mergeAttributes(HTMLAttributes, { 'data-level': String(node.attrs.level) }),
    0,
  ],
});

const HardBreak = Node.create({
  name: 'hardBreak',
  group: 'inline',
  inline: true,
  selectable: false,
  parseHTML: () => [{ tag: 'br' }],
  renderHTML: () => ['br'],
});

const Bold = Mark.create({
  name: 'bold',
  parseHTML: () => [{ tag: 'strong' }, { tag: 'b' }],
  renderHTML: () => ['strong', 0],
  addKeyboardShortcuts() {
    return { 'Mod-b': () => this.editor.commands.toggleMark('bold') };
  },
});

const Italic = Mark.create({
  name: 'italic',
  parseHTML: () => [{ tag: 'em' }, { tag: 'i' }],
  renderHTML: () => ['em', 0],
  addKeyboardShortcuts() {
    return { 'Mod-i': () => this.editor.commands.toggleMark('italic') };
  },
});

/** The cited words; the numbered marker after them is a decoration (CitationMarkers). */
const Citation = Mark.create({
  name: 'citation',
  inclusive: false,
  addAttributes: () => ({
    citations: {
      default: [],
      parseHTML: (element) =>
        (element.getAttribute('data-citations') ?? '')
          .split(',')
          .map(Number)
          .filter((n) => n > 0),
      renderHTML: (attrs) => ({ 'data-citations': (attrs.citations as number[]).join(',') }),
    },
  }),
  parseHTML: () => [{ tag: 'span[data-citations]' }],
  renderHTML: ({ HTMLAttributes }) => ['span', mergeAttributes(HTMLAttributes, { class: 'synthesis-cited' }), 0],
});

const Figure = Node.create<{ cycle: string; view: View | null }>({
  name: 'figure',
  group: 'synthesisBlock',
  atom: true,
  selectable: true,
  draggable: false,
  addOptions: () => ({ cycle: '', view: null }),
  addAttributes: () => ({
    code: { default: '', parseHTML: (e) => e.getAttribute('data-figure') },
    group: { default: null, parseHTML: (e) => e.getAttribute('data-group') },
  }),
  parseHTML: () => [{ tag: 'div[data-figure]' }],
  renderHTML: ({ node }) => ['div', { 'data-figure': node.attrs.code, 'data-group': node.attrs.group ?? '' }],
  addNodeView() {
    return this.options.view ? ReactNodeViewRenderer(this.options.view) : null;
  },
});

const ObjectivesMatrix = Node.create<{ cycle: string; view: View | null }>({
  name: 'objectivesMatrix',
  group: 'synthesisBlock',
  atom: true,
  selectable: true,
  draggable: false,
  addOptions: () => ({ cycle: '', view: null }),
  parseHTML: () => [{ tag: 'div[data-objectives-matrix]' }],
  renderHTML: () => ['div', { 'data-objectives-matrix': '' }],
  addNodeView() {
    return this.options.view ? ReactNodeViewRenderer(this.options.view) : null;
  },
});

/** Each citation's number: the order in which the document first cites it. */
export function citationNumbers(doc: JSONContent | PmNode): Map<number, number> {
  const numbers = new Map<number, number>();
  const visit = (node: JSONContent) => {
    for (const mark of node.marks ?? [])
      if (mark.type === 'citation')
        for (const id of (mark.attrs?.citations as number[]) ?? [])
          if (!numbers.has(id)) numbers.set(id, numbers.size + 1);
    node.content?.forEach(visit);
  };
  visit('toJSON' in doc ? (doc.toJSON() as JSONContent) : doc);
  return numbers;
}

export const markersKey = new PluginKey<DecorationSet>('citationMarkers');

/**
 * After each run of cited words, its citations' numbers as small links (superscript), each named
 * « Citation : <pays>, <question> »: clicking one opens the citation. Drawn again when the text
 * changes or the page says the names changed (a transaction with this plugin's meta).
 */
const CitationMarkers = Extension.create<Pick<SynthesisOptions, 'describe' | 'open'>>({
  name: 'citationMarkers',
  addOptions: () => ({ describe: (id: number) => String(id), open: () => {} }),
  addProseMirrorPlugins() {
    const options = this.options;
    const draw = (doc: PmNode) => {
      const numbers = citationNumbers(doc);
      const decorations: Decoration[] = [];
      doc.descendants((node, pos) => {
        if (!node.isTextblock) return true;
        let run: { ids: number[]; end: number } | null = null;
        const close = () => {
          if (run) decorations.push(marker(run.ids, run.end, numbers, options.describe));
          run = null;
        };
        node.forEach((child, offset) => {
          const ids = (child.marks.find((m) => m.type.name === 'citation')?.attrs.citations as number[]) ?? [];
          const from = pos + 1 + offset;
          if (run && ids.join(',') === run.ids.join(',')) run.end = from + child.nodeSize;
          else {
            close();
            if (ids.length > 0) run = { ids, end: from + child.nodeSize };
          }
        });
        close();
        return false;
      });
      return DecorationSet.create(doc, decorations);
    };
    return [
      new Plugin({
        key: markersKey,
        state: {
          init: (_, state) => draw(state.doc),
          apply: (tr, set, _old, state) => (tr.docChanged || tr.getMeta(markersKey) ? draw(state.doc) : set),
        },
        props: {
          decorations: (state) => markersKey.getState(state),
          handleDOMEvents: {
            click: (_view, event) => {
              const link = (event.target as HTMLElement).closest?.('[data-citation]');
              if (!link) return false;
              event.preventDefault();
              options.open(Number(link.getAttribute('data-citation')));
              return true;
            },
          },
        },
      }),
    ];
  },
});

function marker(ids: number[], at: number, numbers: Map<number, number>, describe: (id: number) => string) {
  const key = ids.map((id) => `${id}:${numbers.get(id)}:${describe(id)}`).join('|');
  return Decoration.widget(
    at,
    () => {
      const sup = document.createElement('sup');
      sup.className = 'citation-marker';
      sup.contentEditable = 'false';
      ids.forEach((id, i) => {
        if (i > 0) sup.append(',');
        const link = document.createElement('a');
        link.href = `#citation-${id}`;
        link.setAttribute('data-citation', String(id));
        link.setAttribute('aria-label', describe(id));
        link.textContent = String(numbers.get(id) ?? '?');
        sup.append(link);
      });
      return sup;
    },
    { side: -1, marks: [], key, ignoreSelection: true },
  );
}

/** The synthesis's extensions for one cycle, with the page's ways to name and open citations. */
export function synthesisExtensions(options: SynthesisOptions): AnyExtension[] {
  return [
    SynthesisDocument,
    ...ANSWER_EXTENSIONS.filter((e) => e.name !== 'doc' && e.name !== 'listItem'),
    SynthesisListItem,
    Heading,
    HardBreak,
    Bold,
    Italic,
    Citation,
    Figure.configure({ cycle: options.cycle, view: options.views?.figure ?? null }),
    ObjectivesMatrix.configure({ cycle: options.cycle, view: options.views?.matrix ?? null }),
    CitationMarkers.configure({ describe: options.describe, open: options.open }),
  ];
}

/**
 * The editor's JSON as the server's model holds it (src/domain/synthesis.ts checks keys strictly):
 * attributes only where the model has them (heading level, list start, figure code and group).
 */
export function toSynthesisJson(node: JSONContent): JSONContent {
  const out: JSONContent = { type: node.type };
  const attrs = node.attrs ?? {};
  if (node.type === 'heading') out.attrs = { level: attrs.level };
  if (node.type === 'orderedList' && Number(attrs.start) > 1) out.attrs = { start: Number(attrs.start) };
  if (node.type === 'figure') out.attrs = { code: attrs.code, group: attrs.group || null };
  if (node.type === 'text') {
    out.text = node.text;
    const marks = (node.marks ?? []).map((m) =>
      m.type === 'citation' ? { type: 'citation', attrs: { citations: m.attrs?.citations ?? [] } } : { type: m.type },
    );
    if (marks.length > 0) out.marks = marks;
  }
  if (node.content && node.content.length > 0) out.content = node.content.map(toSynthesisJson);
  else if (node.type === 'doc') out.content = [];
  return out;
}
