import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getSchema, type JSONContent } from '@tiptap/core';
import { Node } from '@tiptap/pm/model';
import { sinkListItem } from '@tiptap/pm/schema-list';
import { EditorState, TextSelection } from '@tiptap/pm/state';
import { describe, expect, it } from 'vitest';
import { blockTexts, cleanBlocks, type Block, type ListBlock } from '../../src/domain/blocks.js';
import { MAX_LIST_DEPTH, blocksToDoc, docToBlocks } from '../../src/web/components/editor/convert.js';
import { ANSWER_EXTENSIONS, deepestList, listDepthAt, nestingLimit } from '../../src/web/components/editor/schemas.js';

const dir = join(import.meta.dirname, '../fixtures/paste');
const samples = readdirSync(dir)
  .filter((f) => f.endsWith('.expected.json'))
  .map((f) => f.slice(0, -'.expected.json'.length));
const key = (name: string) =>
  (JSON.parse(readFileSync(join(dir, `${name}.expected.json`), 'utf8')) as { blocks: Block[] }).blocks;

const schema = getSchema(ANSWER_EXTENSIONS);
/** The JSON as the editor holds it: checked against the ANSWER schema, then read back. */
const throughEditor = (json: JSONContent) => {
  const node = Node.fromJSON(schema, json);
  node.check();
  return node;
};

const item = (text: string, blocks: Block[] = []) => ({ text, blocks });
const bullets = (...items: ReturnType<typeof item>[]): Block => ({ type: 'list', ordered: false, items });
const numbered = (...items: ReturnType<typeof item>[]): Block => ({ type: 'list', ordered: true, items });
const para = (text: string): Block => ({ type: 'paragraph', text });

/** A list nested `levels` deep: one item per level, each holding the next. */
function nested(levels: number, level = 1): Block {
  const inner = level < levels ? [nested(levels, level + 1)] : [];
  return (level % 2 ? bullets : numbered)(item(`niveau ${level}`, inner));
}

describe('the answer schema', () => {
  it('has exactly the nodes of blocks and no marks', () => {
    expect(Object.keys(schema.nodes).sort()).toEqual(
      ['bulletList', 'doc', 'listItem', 'orderedList', 'paragraph', 'text'].sort(),
    );
    expect(Object.keys(schema.marks)).toEqual([]);
  });
});

describe('blocks ⇄ ProseMirror JSON', () => {
  it.each(samples)('round-trips the answer key of %s', (name) => {
    const blocks = key(name);
    expect(blocks.length).toBeGreaterThan(0);
    const doc = throughEditor(blocksToDoc(blocks));
    expect(docToBlocks(doc.toJSON() as JSONContent)).toEqual(blocks);
  });

  it('round-trips lists nested as deep as blocks allow, and paragraphs inside items', () => {
    const blocks = [
      para('Avant'),
      nested(MAX_LIST_DEPTH),
      bullets(item('un', [para('suite du premier'), numbered(item('a'), item('b'))]), item('', [bullets(item('x'))])),
      para('بعد القائمة'),
    ];
    expect(cleanBlocks(blocks)).toEqual(blocks);
    const doc = throughEditor(blocksToDoc(blocks));
    expect(deepestList(doc)).toBe(MAX_LIST_DEPTH);
    expect(docToBlocks(doc.toJSON() as JSONContent)).toEqual(blocks);
  });

  it('brings lists deeper than the limit up to the deepest level, keeping every text in order', () => {
    const blocks = [nested(MAX_LIST_DEPTH + 3)];
    const doc = throughEditor(blocksToDoc(blocks));
    expect(deepestList(doc)).toBe(MAX_LIST_DEPTH);
    const back = docToBlocks(doc.toJSON() as JSONContent);
    expect(blockTexts(back)).toEqual(blockTexts(blocks));
    expect(cleanBlocks(back)).toEqual(back);
  });

  it('gives an empty answer one empty paragraph, and reads it back as no blocks', () => {
    const doc = throughEditor(blocksToDoc([]));
    expect(doc.childCount).toBe(1);
    expect(docToBlocks(doc.toJSON() as JSONContent)).toEqual([]);
  });

  it('reads texts as stored: normalised, empty paragraphs and items dropped, hard breaks as spaces', () => {
    const json: JSONContent = {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: '  Cafe\u0301   au  lait ' }] },
        { type: 'paragraph' },
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'ligne', marks: [{ type: 'bold' }] },
            { type: 'hardBreak' },
            { type: 'text', text: 'suivante' },
          ],
        },
        {
          type: 'orderedList',
          attrs: { start: 1 },
          content: [
            { type: 'listItem', content: [{ type: 'paragraph' }] },
            { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: ' un ' }] }] },
          ],
        },
        { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph' }] }] },
      ],
    };
    expect(docToBlocks(json)).toEqual([para('Café au lait'), para('ligne suivante'), numbered(item('un'))]);
  });
});

describe('the nesting limit', () => {
  /** The state with the cursor in the text `text`. */
  const stateAt = (doc: Node, text: string) => {
    let at = -1;
    doc.descendants((node, pos) => {
      if (node.isText && node.text === text) at = pos + 1;
    });
    return EditorState.create({ doc, plugins: [nestingLimit()], selection: TextSelection.create(doc, at) });
  };
  const sink = (state: EditorState) => {
    let next = state;
    sinkListItem(schema.nodes.listItem!)(state, (tr) => (next = state.apply(tr)));
    return next;
  };

  it('lets an item go down to the deepest level blocks allow, and no further', () => {
    // The deepest list allowed, with a second item: Tab on it would make a list one level deeper.
    const deep = nested(MAX_LIST_DEPTH) as ListBlock;
    let inner = deep;
    while (inner.items[0]!.blocks.length > 0) inner = inner.items[0]!.blocks[0] as ListBlock;
    inner.items.push(item('deeper'));
    const state = stateAt(throughEditor(blocksToDoc([deep])), 'deeper');
    expect(listDepthAt(state)).toBe(MAX_LIST_DEPTH);
    expect(sink(state).doc.eq(state.doc)).toBe(true);

    // Higher up, the same Tab is taken.
    const shallower = throughEditor(blocksToDoc([bullets(item('un'), item('deux'))]));
    const before = stateAt(shallower, 'deux');
    expect(listDepthAt(sink(before))).toBe(2);
  });
});
