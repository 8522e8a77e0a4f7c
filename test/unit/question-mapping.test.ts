import { describe, expect, it } from 'vitest';
import type { AnswerValue } from '../../src/domain/answer-value.js';
import type { Block } from '../../src/domain/blocks.js';
import { compareCycles } from '../../src/domain/cycle-change.js';
import { PacteError } from '../../src/domain/errors.js';
import { carryAnswers, pairs, resolveMapping, type MappingRow } from '../../src/domain/question-mapping.js';
import type { Question, Questionnaire } from '../../src/domain/questionnaire.js';

/** The mapping of two questionnaire versions (docs/questionnaires.md « Mapping »). */
const yesNo = ['yes', 'no'].map((id) => ({ id, label: { en: id } }));
function version(questions: (Partial<Question> & { id: string })[]): Questionnaire {
  return {
    id: 'q',
    version: 1,
    title: { en: 'Q' },
    sourceLanguage: 'en',
    sections: [
      {
        id: 'I',
        title: { en: 'I' },
        titleStatus: {},
        questions: questions.map((q) => ({ letter: q.id.slice(2), text: { en: q.id }, textStatus: {}, ...q })),
      },
    ],
  };
}
const earlier = version([
  { id: 'I.a', kind: 'single_choice', choices: yesNo },
  { id: 'I.b', kind: 'single_choice', choices: yesNo },
  { id: 'I.c' },
  { id: 'I.d', kind: 'number' },
  { id: 'I.e' },
]);
const later = version([
  { id: 'I.a', kind: 'single_choice', choices: yesNo },
  { id: 'I.b', kind: 'single_choice', choices: [...yesNo, { id: 'partly', label: { en: 'partly' } }] },
  { id: 'I.c' },
  { id: 'I.d', kind: 'number' },
  { id: 'I.f', kind: 'multiple_choice', choices: yesNo },
]);
const p = (text: string): Block => ({ type: 'paragraph', text });
const answer = (text: string, value: AnswerValue | null = null) => ({ blocks: [p(text)], value });

describe('resolveMapping', () => {
  it('maps by id when no row names a question; an earlier question the later lacks has no successor', () => {
    const map = resolveMapping(earlier, later, []);
    expect(Object.fromEntries(map)).toEqual({
      'I.a': ['I.a'],
      'I.b': ['I.b'],
      'I.c': ['I.c'],
      'I.d': ['I.d'],
      'I.e': [],
    });
  });

  it('follows rows: a split, a merge, a question with no successor', () => {
    const rows: MappingRow[] = [
      { from: 'I.a', to: 'I.a' },
      { from: 'I.a', to: 'I.f' },
      { from: 'I.e', to: 'I.c' },
      { from: 'I.d', to: null },
    ];
    const map = resolveMapping(earlier, later, rows);
    expect(Object.fromEntries(map)).toEqual({
      'I.a': ['I.a', 'I.f'],
      'I.b': ['I.b'],
      'I.c': ['I.c'],
      'I.d': [],
      'I.e': ['I.c'],
    });
    expect(pairs(map)).toEqual({ 'I.a': 'I.a', 'I.b': 'I.b', 'I.c': 'I.c', 'I.e': 'I.c' });
  });

  it('refuses a row naming a question either version lacks', () => {
    const refused = (rows: MappingRow[]) => {
      try {
        resolveMapping(earlier, later, rows);
        return null;
      } catch (error) {
        return error instanceof PacteError ? [error.code, error.details] : error;
      }
    };
    expect(refused([{ from: 'I.z', to: 'I.a' }])).toEqual([
      'questionnaire.invalid_mapping',
      { reason: 'unknown_from', question: 'I.z' },
    ]);
    expect(refused([{ from: 'I.a', to: 'I.e' }])).toEqual([
      'questionnaire.invalid_mapping',
      { reason: 'unknown_to', question: 'I.e' },
    ]);
  });
});

describe('carryAnswers', () => {
  const answers = new Map([
    ['I.a', answer('a', { choices: ['yes'] })],
    ['I.b', answer('b', { choices: ['no'] })],
    ['I.c', answer('c')],
    ['I.d', answer('d', { number: 12 })],
    ['I.e', answer('e')],
  ]);

  it('copies a split answer to each later question, with its value where kind and options fit', () => {
    const map = resolveMapping(earlier, later, [
      { from: 'I.a', to: 'I.a' },
      { from: 'I.a', to: 'I.f' },
    ]);
    const carried = carryAnswers(earlier, later, map, answers);
    expect(carried.answers.get('I.a')).toEqual(answer('a', { choices: ['yes'] }));
    // I.f is a multiple choice: another kind, so the text follows and the value is reported.
    expect(carried.answers.get('I.f')).toEqual(answer('a'));
    // I.b gained an option: « no » still exists there, so the value follows.
    expect(carried.answers.get('I.b')).toEqual(answer('b', { choices: ['no'] }));
    expect(carried.answers.get('I.d')).toEqual(answer('d', { number: 12 }));
    expect(carried.valuesNotCarried).toEqual(['I.f']);
    expect(carried.notInQuestionnaire).toEqual(['I.e']);
    // In the later questionnaire's order.
    expect([...carried.answers.keys()]).toEqual(['I.a', 'I.b', 'I.c', 'I.d', 'I.f']);
  });

  it('puts a merge’s texts one after the other in the earlier order, and carries no value into it', () => {
    const map = resolveMapping(earlier, later, [
      { from: 'I.e', to: 'I.c' },
      { from: 'I.c', to: 'I.c' },
      { from: 'I.d', to: 'I.c' },
    ]);
    const carried = carryAnswers(earlier, later, map, answers);
    expect(carried.answers.get('I.c')).toEqual({ blocks: [p('c'), p('d'), p('e')], value: null });
    expect(carried.valuesNotCarried).toEqual(['I.c']);
    expect(carried.notInQuestionnaire).toEqual([]);
    expect(carried.answers.has('I.d')).toBe(false);
  });

  it('reports an answered question with no successor, and skips unanswered ones', () => {
    const map = resolveMapping(earlier, later, [{ from: 'I.c', to: null }]);
    const sparse = new Map([
      ['I.c', answer('c')],
      ['I.b', { blocks: [], value: null }],
      // A value without text is still an answer.
      ['I.a', { blocks: [], value: { choices: ['no'] } as AnswerValue }],
    ]);
    const carried = carryAnswers(earlier, later, map, sparse);
    expect(carried.notInQuestionnaire).toEqual(['I.c']);
    expect([...carried.answers]).toEqual([['I.a', { blocks: [], value: { choices: ['no'] } }]]);
  });

  it('does not carry a choice the later question no longer offers', () => {
    // Morocco answered « yes »; the later I.a offers « no » only.
    const narrower = version([{ id: 'I.a', kind: 'single_choice', choices: [yesNo[1]!] }]);
    const carried = carryAnswers(earlier, narrower, resolveMapping(earlier, narrower, []), answers);
    expect(carried.answers.get('I.a')).toEqual({ blocks: [p('a')], value: null });
    expect(carried.valuesNotCarried).toEqual(['I.a']);
  });
});

describe('compareCycles along a mapping’s one-to-one view', () => {
  const review = (answers: Record<string, string>) => ({
    language: 'en' as const,
    sections: [{ questions: Object.entries(answers).map(([id, text]) => ({ id, answer: { blocks: [p(text)] } })) }],
  });
  it('compares no question with a later one of the same id when it has no successor, and lists a merge’s others', () => {
    const before = review({ 'I.a': 'kept', 'I.b': 'gone', 'I.c': 'first', 'I.d': 'second' });
    const after = review({ 'I.a': 'kept', 'I.b': 'another question', 'I.c': 'first second' });
    const change = compareCycles(before, after, { 'I.b': null, 'I.d': 'I.c' });
    expect(change.questions.map((q) => [q.earlier, q.later, q.change])).toEqual([
      ['I.a', 'I.a', 'unchanged'],
      [null, 'I.b', 'only_later'],
      ['I.c', 'I.c', 'changed'],
      ['I.b', null, 'only_earlier'],
      ['I.d', null, 'only_earlier'],
    ]);
    // By id (no mapping), I.b would be compared with the later I.b.
    expect(compareCycles(before, after).questions[1]).toMatchObject({
      earlier: 'I.b',
      later: 'I.b',
      change: 'changed',
    });
  });
});
