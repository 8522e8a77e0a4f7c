import { getSchema } from '@tiptap/core';
import { Node } from '@tiptap/pm/model';
import { EditorState } from '@tiptap/pm/state';
import { describe, expect, it } from 'vitest';
import type { Block } from '../../src/domain/blocks.js';
import { blocksToDoc } from '../../src/web/components/editor/convert.js';
import { bidiDirection, directionsOf } from '../../src/web/components/editor/direction.js';
import { ANSWER_EXTENSIONS } from '../../src/web/components/editor/schemas.js';

const schema = getSchema(ANSWER_EXTENSIONS);

/** The `dir` each top-level node gets, and the one of the editable area. */
function directions(blocks: Block[]) {
  const doc = Node.fromJSON(schema, blocksToDoc(blocks));
  const own = directionsOf(doc);
  const nodes: (string | undefined)[] = [];
  doc.forEach((node, offset) => nodes.push(own.find((d) => d.from === offset)?.dir));
  const plugin = bidiDirection();
  const attributes = plugin.props.attributes as (state: EditorState) => Record<string, string>;
  return { nodes, root: attributes(EditorState.create({ doc, plugins: [plugin] })).dir };
}

describe('the direction of what is typed', () => {
  it('gives each paragraph and list the direction of its first letter, the whole that of the text', () => {
    expect(
      directions([
        { type: 'paragraph', text: 'نفذت وزارة الداخلية' },
        { type: 'list', ordered: false, items: [{ text: '2014 : Première opération', blocks: [] }] },
        { type: 'paragraph', text: '2017' },
      ]),
    ).toEqual({ nodes: ['rtl', 'ltr', undefined], root: 'rtl' });
  });

  it('leaves an empty text the direction of the page (no dir at all)', () => {
    expect(directions([])).toEqual({ nodes: [undefined], root: undefined });
  });
});
