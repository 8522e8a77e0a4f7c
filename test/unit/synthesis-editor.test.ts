import { getSchema, type JSONContent } from '@tiptap/core';
import { Node } from '@tiptap/pm/model';
import { describe, expect, it } from 'vitest';
import { checkSynthesis } from '../../src/domain/synthesis.js';
import {
  citationNumbers,
  synthesisExtensions,
  toSynthesisJson,
} from '../../src/web/components/editor/synthesis-schema.js';

/**
 * The synthesis editor's document type against the server's model (src/domain/synthesis.ts): what
 * the editor holds goes out as JSON the server accepts unchanged, and what the model refuses
 * (a heading or a figure inside a list item) the editor's schema cannot hold either.
 */
const schema = getSchema(synthesisExtensions({ cycle: 'demo-2', describe: String, open: () => {} }));
const text = (value: string, marks?: JSONContent['marks']): JSONContent => ({
  type: 'text',
  text: value,
  ...(marks ? { marks } : {}),
});
const para = (...content: JSONContent[]): JSONContent => ({ type: 'paragraph', content });
const item = (...content: JSONContent[]): JSONContent => ({ type: 'listItem', content });
const cite = (...citations: number[]) => ({ type: 'citation', attrs: { citations } });

const DOCUMENT: JSONContent = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 1 }, content: [text('Tendances')] },
    para(
      text('Sept pays '),
      text('ont créé', [{ type: 'bold' }, { type: 'italic' }]),
      text(' un mécanisme de coordination', [cite(4, 2)]),
      { type: 'hardBreak' },
      text('« Le comité se réunit. »', [cite(7)]),
    ),
    {
      type: 'orderedList',
      attrs: { start: 3 },
      content: [item(para(text('un')), { type: 'bulletList', content: [item(para(text('deux', [cite(2)])))] })],
    },
    { type: 'figure', attrs: { code: 'I.a', group: 'maghreb' } },
    { type: 'figure', attrs: { code: 'II.b', group: null } },
    { type: 'objectivesMatrix' },
    { type: 'heading', attrs: { level: 3 }, content: [text('Recommandations')] },
  ],
};

describe('the synthesis editor’s document type', () => {
  it('holds every node and mark of the model, and gives back what the server accepts unchanged', () => {
    const node = Node.fromJSON(schema, DOCUMENT);
    node.check();
    const out = toSynthesisJson(node.toJSON() as JSONContent);
    expect(out).toEqual(DOCUMENT);
    expect(checkSynthesis(out)).toEqual(DOCUMENT);
  });

  it('sends only the attributes the model has (a numbered list from 1 has none)', () => {
    const node = Node.fromJSON(schema, {
      type: 'doc',
      content: [{ type: 'orderedList', content: [item(para(text('un')))] }],
    });
    // TipTap's ordered list carries start 1 and a type: the server would refuse the unknown key.
    expect(node.toJSON().content[0].attrs).toMatchObject({ start: 1 });
    const out = toSynthesisJson(node.toJSON() as JSONContent);
    expect(out.content?.[0]).toEqual({ type: 'orderedList', content: [item(para(text('un')))] });
    expect(() => checkSynthesis(out)).not.toThrow();
  });

  it('keeps headings, figures, the matrix and a second paragraph out of list items, as the model does', () => {
    for (const misplaced of [
      { type: 'heading', attrs: { level: 2 }, content: [text('Titre')] },
      { type: 'figure', attrs: { code: 'I.a', group: null } },
      { type: 'objectivesMatrix' },
      para(text('un second paragraphe')),
    ]) {
      const json = { type: 'doc', content: [{ type: 'bulletList', content: [item(para(text('un')), misplaced)] }] };
      expect(() => Node.fromJSON(schema, json).check()).toThrow();
      expect(() => checkSynthesis(json)).toThrow();
    }
  });

  it('numbers citations in the order the text first cites them', () => {
    expect([...citationNumbers(DOCUMENT)]).toEqual([
      [4, 1],
      [2, 2],
      [7, 3],
    ]);
    expect(citationNumbers(Node.fromJSON(schema, DOCUMENT))).toEqual(citationNumbers(DOCUMENT));
  });

  it('an empty document goes out with no blocks', () => {
    expect(toSynthesisJson({ type: 'doc' })).toEqual({ type: 'doc', content: [] });
  });
});
