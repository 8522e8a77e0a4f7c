import { describe, expect, it } from 'vitest';
import type { Block } from '../../src/domain/blocks.js';
import {
  compareBlocks,
  compareCycles,
  countChanges,
  similarity,
  type ComparedReview,
} from '../../src/domain/cycle-change.js';

const p = (text: string): Block => ({ type: 'paragraph', text });
const list = (...items: (string | [string, Block[]])[]): Block => ({
  type: 'list',
  ordered: false,
  items: items.map((i) => (typeof i === 'string' ? { text: i, blocks: [] } : { text: i[0], blocks: i[1] })),
});
const review = (
  answers: Record<string, Block[]>,
  objectives: Record<string, number[]> = {},
  language: 'fr' | 'en' | 'ar' = 'fr',
): ComparedReview => ({
  language,
  sections: [{ questions: Object.entries(answers).map(([id, blocks]) => ({ id, answer: { blocks } })) }],
  objectives: Object.fromEntries(
    Object.entries(objectives).map(([q, ns]) => [q, ns.map((number) => ({ number, status: 'confirmed' }))]),
  ),
});

describe('blocks compared between cycles', () => {
  it('keeps equal blocks (case and blanks aside), pairs a similar block as changed, the rest added or removed', () => {
    const changes = compareBlocks(
      [p('Le comité se réunit chaque année.'), p('Une phrase qui disparaît entièrement.'), p('Fin.')],
      [p('le comité  se réunit chaque année.'), p('Une phrase neuve sans rapport.'), p('Fin du texte.')],
    );
    expect(changes.map((c) => c.op)).toEqual(['unchanged', 'removed', 'added', 'changed']);
  });

  it('marks the words of a changed block', () => {
    const [change] = compareBlocks([p('Le comité se réunit chaque année.')], [p('Le comité se réunit chaque mois.')]);
    expect(change?.op).toBe('changed');
    expect(change?.words?.filter((w) => w.op !== 'same').map((w) => [w.op, w.text])).toEqual([
      ['removed', 'année'],
      ['added', 'mois'],
    ]);
  });

  it('reads nested list items as blocks with their path', () => {
    const changes = compareBlocks(
      [list('Un', ['Deux', [list('Deux-a', 'Deux-b')]])],
      [list('Un', ['Deux', [list('Deux-a')]]), p('Ajout final')],
    );
    expect(changes.map((c) => [c.op, (c.earlier ?? c.later)?.path])).toEqual([
      ['unchanged', [0, 0]],
      ['unchanged', [0, 1]],
      ['unchanged', [0, 1, 0, 0]],
      ['removed', [0, 1, 0, 1]],
      ['added', [1]],
    ]);
  });

  it('measures similarity as Dice over words: at 0.5 a pair is changed, below it is not', () => {
    expect(similarity('a b c d', 'a b e f')).toBe(0.5);
    expect(compareBlocks([p('a b c d')], [p('a b e f')]).map((c) => c.op)).toEqual(['changed']);
    expect(compareBlocks([p('a b c d')], [p('a e f g')]).map((c) => c.op)).toEqual(['removed', 'added']);
  });
});

describe('a review compared between cycles', () => {
  it('says which questions changed, stayed, or were answered in one cycle only, through the mapping', () => {
    const change = compareCycles(
      review({
        'I.a': [p('Même texte.')],
        'I.b': [p('Texte ancien de la question.')],
        'I.c': [p('Seul avant.')],
        old: [p('Renommée.')],
      }),
      review({
        'I.a': [p('Même texte.')],
        'I.b': [p('Texte nouveau de la question.')],
        'I.d': [p('Seul après.')],
        new: [p('Renommée.')],
      }),
      { old: 'new' },
    );
    expect(change.questions.map((q) => [q.earlier, q.later, q.change])).toEqual([
      ['I.a', 'I.a', 'unchanged'],
      ['I.b', 'I.b', 'changed'],
      [null, 'I.d', 'only_later'],
      ['old', 'new', 'unchanged'],
      ['I.c', null, 'only_earlier'],
    ]);
  });

  it('matches figures by kind and the three words on each side (digits aside): changed, new, dropped', () => {
    const change = compareCycles(
      review({
        'I.a': [
          p(
            'En 2019, le comité s’est réuni 9 fois avec les partenaires. Il a reçu 40 % des fonds. Il a aidé 300 migrants.',
          ),
        ],
      }),
      review({
        'I.a': [
          p(
            'En 2020, le comité s’est réuni 12 fois avec les partenaires. Il a reçu 40 % des fonds. Il a formé 25 agents.',
          ),
        ],
      }),
    );
    expect(change.figures.map((f) => [f.change, f.kind, f.earlier?.value ?? null, f.later?.value ?? null])).toEqual([
      ['changed', 'count', 9, 12],
      ['new', 'count', null, 25],
      ['dropped', 'count', 300, null],
    ]);
    expect(change.figures[0]?.later?.period).toBe('2020');
  });

  it('does not match a figure whose kind differs, even in the same words', () => {
    const change = compareCycles(
      review({ q: [p('Le budget atteint 20 % cette année.')] }),
      review({ q: [p('Le budget atteint 20 USD cette année.')] }),
    );
    expect(change.figures.map((f) => f.change).sort()).toEqual(['dropped', 'new']);
  });

  it('reports confirmed objectives added and dropped, and counts everything', () => {
    const change = compareCycles(
      review({ q: [p('x')] }, { q: [1, 2], r: [3] }),
      review({ q: [p('x')] }, { q: [2, 5] }),
    );
    expect(change.objectives).toEqual({ added: [5], dropped: [1, 3] });
    expect(countChanges(change)).toMatchObject({ questionsChanged: 0, objectivesAdded: 1, objectivesDropped: 2 });
  });
});
