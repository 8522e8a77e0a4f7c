import { describe, expect, it } from 'vitest';
import { citationState, publishedHolds, searchTerms, sentences, sentencesWith } from '../../src/domain/citation.js';
import { isPacteError } from '../../src/domain/errors.js';
import { can, type Actor, type Grant } from '../../src/domain/permissions.js';
import { checkSynthesis, citedIds, embeddedFigures, SYNTHESIS_LIMITS } from '../../src/domain/synthesis.js';

/** The synthesis document model (src/domain/synthesis.ts) and the citation rules (src/domain/citation.ts). */
const text = (t: string, marks?: object[]) => ({ type: 'text', text: t, ...(marks ? { marks } : {}) });
const paragraph = (...content: object[]) => ({ type: 'paragraph', content });
const item = (t: string, ...lists: object[]) => ({ type: 'listItem', content: [paragraph(text(t)), ...lists] });
const bullets = (...items: object[]) => ({ type: 'bulletList', content: items });

const DOC = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 1 }, content: [text('Tendances')] },
    paragraph(
      text('Sept pays ont créé '),
      text('un mécanisme de coordination', [{ type: 'citation', attrs: { citations: [3, 4] } }, { type: 'bold' }]),
      { type: 'hardBreak' },
      text('.'),
    ),
    bullets(item('Un', bullets(item('Un et demi'))), item('Deux')),
    { type: 'orderedList', attrs: { start: 3 }, content: [item('Trois')] },
    { type: 'figure', attrs: { code: 'I.a', group: 'maghreb' } },
    { type: 'objectivesMatrix' },
    { type: 'paragraph' },
  ],
};

function refusal(value: unknown): unknown {
  try {
    checkSynthesis(value);
  } catch (error) {
    if (isPacteError(error)) return { code: error.code, ...error.details };
    throw error;
  }
  return 'accepted';
}

describe('the synthesis document', () => {
  it('accepts ProseMirror JSON of headings, paragraphs, nested lists, marks and figures as it is', () => {
    const checked = checkSynthesis(DOC);
    expect(checked.content[4]).toEqual({ type: 'figure', attrs: { code: 'I.a', group: 'maghreb' } });
    expect(checked.content[1]).toEqual(DOC.content[1]);
    expect(citedIds(checked)).toEqual([3, 4]);
    expect(embeddedFigures(checked)).toEqual([{ code: 'I.a', group: 'maghreb' }]);
    expect(checkSynthesis({ type: 'doc', content: [] })).toEqual({ type: 'doc', content: [] });
  });

  it('refuses what the schema does not hold, saying where', () => {
    const doc = (...content: object[]) => ({ type: 'doc', content });
    expect(refusal(doc({ type: 'table' }))).toEqual({
      code: 'synthesis.invalid_document',
      path: 'content[0]',
      reason: 'unknown_node',
    });
    expect(refusal(doc(paragraph(text('x', [{ type: 'link' }]))))).toMatchObject({
      path: 'content[0].content[0].marks[0]',
      reason: 'unknown_mark',
    });
    expect(refusal(doc({ type: 'heading', attrs: { level: 4 } }))).toMatchObject({
      path: 'content[0].attrs.level',
      reason: 'invalid_attrs',
    });
    expect(refusal(doc(paragraph(paragraph())))).toMatchObject({
      path: 'content[0].content[0]',
      reason: 'misplaced_node',
    });
    expect(refusal(doc(paragraph(text(''))))).toMatchObject({ reason: 'empty_text' });
    expect(refusal(doc(paragraph(text('x', [{ type: 'citation', attrs: { citations: [] } }]))))).toMatchObject({
      path: 'content[0].content[0].marks[0].attrs.citations',
      reason: 'invalid_attrs',
    });
    expect(refusal(doc({ type: 'figure', attrs: { code: 'I.a; drop' } }))).toMatchObject({ reason: 'invalid_attrs' });
    expect(refusal(doc({ type: 'paragraph', style: 'red' }))).toMatchObject({ path: 'content[0].style' });
    expect(refusal({ type: 'doc', content: 'texte' })).toMatchObject({ path: 'content', reason: 'not_a_list' });
    expect(refusal(doc(bullets({ type: 'listItem', content: [bullets(item('x'))] })))).toMatchObject({
      reason: 'misplaced_node',
    });
  });

  it('nests lists as deep as answers, no deeper, and bounds the size', () => {
    const nested = (levels: number): object =>
      levels === 1 ? bullets(item('x')) : bullets(item('x', nested(levels - 1)));
    expect(refusal({ type: 'doc', content: [nested(SYNTHESIS_LIMITS.depth - 1)] })).toBe('accepted');
    expect(refusal({ type: 'doc', content: [nested(SYNTHESIS_LIMITS.depth)] })).toMatchObject({ reason: 'too_deep' });
    const long = 'x'.repeat(SYNTHESIS_LIMITS.characters + 1);
    expect(refusal({ type: 'doc', content: [paragraph(text(long))] })).toMatchObject({ reason: 'too_large' });
  });
});

describe('citation rules', () => {
  const cited = [{ type: 'paragraph' as const, text: 'Un mécanisme national existe. Il se réunit chaque mois.' }];
  const passage = { position: { block: [0], start: 30, end: 55 }, text: 'Il se réunit chaque mois.' };

  it('flags a citation when a later submission answers differently, until it is kept through it', () => {
    const changed = [{ type: 'paragraph' as const, text: 'Un mécanisme national existe. Il se réunit chaque année.' }];
    const state = (blocks: typeof cited, number: number, kept: number | null = null) =>
      citationState({ cited: { number: 1, blocks: cited }, latest: { number, blocks }, passage, keptThrough: kept });
    expect(state(cited, 2)).toEqual({ outdated: false, latest: 2, holds: true, change: [] });
    expect(state(changed, 2)).toMatchObject({ outdated: true, holds: false });
    expect(state(changed, 2).change.map((l) => l.op)).toEqual(['removed', 'added']);
    expect(state(changed, 2, 2).outdated).toBe(false);
    expect(state(changed, 3, 2).outdated).toBe(true);
    expect(publishedHolds(changed, passage)).toBe(false);
    expect(publishedHolds(cited, passage)).toBe(true);
  });

  it('finds sentences holding every word of a search, folded, in French and Arabic', () => {
    expect(sentences('Un. Deux ? Trois')).toEqual([
      { start: 0, end: 3 },
      { start: 4, end: 10 },
      { start: 11, end: 16 },
    ]);
    expect(sentencesWith(cited, searchTerms('REUNIT mois'))).toEqual([{ ...passage.position, text: passage.text }]);
    const arabic = [{ type: 'paragraph' as const, text: 'أنشأت الحكومة آلية للتنسيق. وهي تجتمع شهريا.' }];
    const found = sentencesWith(arabic, searchTerms('التنسيق'));
    expect(found.map((f) => f.text)).toEqual(['أنشأت الحكومة آلية للتنسيق.']);
  });
});

describe('who may write syntheses and decide on quotes', () => {
  const actor = (grant: Partial<Grant> & { role: Grant['role'] }): Actor => ({
    userId: 1,
    name: 'x',
    grants: [{ country: null, region: null, entity: null, ...grant }],
  });
  const region = { region: 'arab' };
  it('gives the region’s secretariat the synthesis, its translators a reading, the country’s focal point its quotes', () => {
    const secretariat = actor({ role: 'secretariat', region: 'arab' });
    const translator = actor({ role: 'translator', region: 'arab' });
    expect([can(secretariat, 'synthesis.write', region), can(secretariat, 'synthesis.read', region)]).toEqual([
      true,
      true,
    ]);
    expect(can(secretariat, 'synthesis.write', { region: 'africa' })).toBe(false);
    expect([can(translator, 'synthesis.read', region), can(translator, 'synthesis.write', region)]).toEqual([
      true,
      false,
    ]);
    expect(can(secretariat, 'citation.decide', { ...region, country: 'MAR' })).toBe(false);
    const focal = actor({ role: 'focal_point', country: 'MAR' });
    expect(can(focal, 'citation.decide', { ...region, country: 'MAR' })).toBe(true);
    expect(can(focal, 'citation.decide', { ...region, country: 'TUN' })).toBe(false);
    expect(can(focal, 'synthesis.read', { ...region, country: 'MAR' })).toBe(false);
    expect(can(actor({ role: 'validator', country: 'MAR' }), 'citation.decide', { ...region, country: 'MAR' })).toBe(
      false,
    );
  });
});
