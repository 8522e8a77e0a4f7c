import { describe, expect, it } from 'vitest';
import { checkValue, pickedIds, sameValue } from '../../src/domain/answer-value.js';
import { PacteError } from '../../src/domain/errors.js';
import type { Question, QuestionKind } from '../../src/domain/questionnaire.js';
import { countValues, valueOptions } from '../../src/domain/value-options.js';

/** Typed answers (docs/questionnaires.md « Answer types »): every kind, every reason for refusal. */
const PRINCIPLES = ['people_centred', 'international_cooperation', 'national_sovereignty', 'rule_of_law'];
const choices = ['yes', 'no', 'in_preparation'].map((id) => ({ id, label: { en: id } }));
const question = (kind?: QuestionKind): Question => ({
  id: 'I.a',
  letter: 'a',
  text: { en: 'Was a mechanism set up?' },
  textStatus: {},
  ...(kind && { kind }),
  ...(kind === 'single_choice' || kind === 'multiple_choice' ? { choices } : {}),
});
const check = (kind: QuestionKind | undefined, value: unknown) => checkValue(question(kind), value, PRINCIPLES);

/** The error's code and details, or 'ok' with the value. */
function outcome(kind: QuestionKind | undefined, value: unknown) {
  try {
    return ['ok', check(kind, value)];
  } catch (error) {
    if (!(error instanceof PacteError)) throw error;
    return [error.code, error.details];
  }
}

describe('checkValue', () => {
  it('takes no value as null for every kind, a free-text question included', () => {
    for (const kind of [
      undefined,
      'text',
      'single_choice',
      'multiple_choice',
      'number',
      'objectives',
      'principles',
    ] as const) {
      expect(check(kind, null)).toBeNull();
      expect(check(kind, undefined)).toBeNull();
    }
  });

  it('refuses any value on a free-text question (kind absent or text)', () => {
    expect(outcome(undefined, { choices: ['yes'] })).toEqual([
      'answer.value_invalid',
      { question: 'I.a', reason: 'not_expected' },
    ]);
    expect(outcome('text', { number: 1 })).toEqual([
      'answer.value_invalid',
      { question: 'I.a', reason: 'not_expected' },
    ]);
  });

  it('keeps choices in the questionnaire’s order without repeats; an empty list is no value', () => {
    expect(check('multiple_choice', { choices: ['in_preparation', 'yes', 'yes'] })).toEqual({
      choices: ['yes', 'in_preparation'],
    });
    expect(check('single_choice', { choices: ['no'] })).toEqual({ choices: ['no'] });
    expect(check('single_choice', { choices: ['no', 'no'] })).toEqual({ choices: ['no'] });
    expect(check('multiple_choice', { choices: [] })).toBeNull();
  });

  it('refuses an unknown choice naming it, two choices on a single-choice question, and other shapes', () => {
    expect(outcome('single_choice', { choices: ['maybe'] })).toEqual([
      'answer.value_invalid',
      { question: 'I.a', reason: 'unknown_choice', value: 'maybe' },
    ]);
    expect(outcome('single_choice', { choices: ['yes', 'no'] })[1]).toMatchObject({ reason: 'one_choice_only' });
    for (const value of [{ number: 3 }, { choices: 'yes' }, ['yes'], 'yes', { choices: ['yes'], number: 1 }, {}]) {
      expect(outcome('multiple_choice', value)[1], JSON.stringify(value)).toMatchObject({ reason: 'wrong_shape' });
    }
    // A label is not an id: values name ids, whatever the language.
    expect(outcome('multiple_choice', { choices: [{ id: 'yes' }] })[1]).toMatchObject({ reason: 'unknown_choice' });
  });

  it('takes a finite number, zero and negatives included, and refuses anything else', () => {
    expect(check('number', { number: 4500 })).toEqual({ number: 4500 });
    expect(check('number', { number: 0 })).toEqual({ number: 0 });
    expect(check('number', { number: -2.5 })).toEqual({ number: -2.5 });
    for (const n of ['4500', Number.NaN, Number.POSITIVE_INFINITY, null]) {
      expect(outcome('number', { number: n })[1]).toMatchObject({ reason: 'not_a_number', value: String(n) });
    }
    expect(outcome('number', { choices: ['yes'] })[1]).toMatchObject({ reason: 'wrong_shape' });
  });

  it('takes GCM objectives 1 to 23 in number order, and refuses others', () => {
    expect(check('objectives', { objectives: [23, 1, 7, 7] })).toEqual({ objectives: [1, 7, 23] });
    expect(check('objectives', { objectives: [] })).toBeNull();
    for (const bad of [0, 24, '7', 1.5]) {
      expect(outcome('objectives', { objectives: [bad] })[1]).toMatchObject({
        reason: 'unknown_objective',
        value: String(bad),
      });
    }
    expect(outcome('objectives', { principles: ['rule_of_law'] })[1]).toMatchObject({ reason: 'wrong_shape' });
  });

  it('takes the catalogue’s guiding principles in its order, and refuses unknown keys', () => {
    expect(check('principles', { principles: ['rule_of_law', 'people_centred'] })).toEqual({
      principles: ['people_centred', 'rule_of_law'],
    });
    expect(check('principles', { principles: [] })).toBeNull();
    expect(outcome('principles', { principles: ['whole_of_nothing'] })[1]).toMatchObject({
      reason: 'unknown_principle',
      value: 'whole_of_nothing',
    });
    expect(outcome('principles', { objectives: [1] })[1]).toMatchObject({ reason: 'wrong_shape' });
  });
});

describe('pickedIds and sameValue', () => {
  it('give what a value counts for, and compare values as stored', () => {
    expect(pickedIds({ choices: ['yes'] })).toEqual(['yes']);
    expect(pickedIds({ objectives: [1, 7] })).toEqual(['1', '7']);
    expect(pickedIds({ principles: ['rule_of_law'] })).toEqual(['rule_of_law']);
    expect([pickedIds({ number: 3 }), pickedIds(null), pickedIds(undefined)]).toEqual([[], [], []]);
    expect(sameValue(null, undefined)).toBe(true);
    expect(sameValue({ choices: ['yes'] }, { choices: ['yes'] })).toBe(true);
    expect(sameValue({ choices: ['yes'] }, { choices: ['no'] })).toBe(false);
    expect(sameValue({ number: 0 }, null)).toBe(false);
  });
});

describe('valueOptions and countValues', () => {
  const objectives = [1, 2].map((number) => ({
    number,
    title: { en: `Objective ${number}`, fr: `Objectif ${number}` },
  }));
  const principles = [{ key: 'rule_of_law', title: { en: 'Rule of law' } }];
  it('give a choice, objectives or principles question its options, none for text and numbers', () => {
    expect(valueOptions(question('single_choice'), objectives, principles)?.map((o) => o.key)).toEqual([
      'yes',
      'no',
      'in_preparation',
    ]);
    expect(valueOptions(question('objectives'), objectives, principles)).toEqual([
      { key: '1', labels: { en: '1. Objective 1', fr: '1. Objectif 1' } },
      { key: '2', labels: { en: '2. Objective 2', fr: '2. Objectif 2' } },
    ]);
    expect(valueOptions(question('principles'), objectives, principles)).toEqual([
      { key: 'rule_of_law', labels: { en: 'Rule of law' } },
    ]);
    expect([valueOptions(question(), [], []), valueOptions(question('number'), [], [])]).toEqual([null, null]);
  });

  it('count each answer once per option it picked, no value counting for none', () => {
    const options = valueOptions(question('multiple_choice'), [], [])!;
    const counts = countValues(options, [{ choices: ['yes', 'no'] }, { choices: ['yes'] }, null, undefined]);
    expect(counts.map((c) => [c.key, c.count])).toEqual([
      ['yes', 2],
      ['no', 1],
      ['in_preparation', 0],
    ]);
  });
});
