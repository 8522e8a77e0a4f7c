/**
 * Typed answer values in the API (issue 15; docs/questionnaires.md, « Answer types »; review JSON
 * 1.1). What is sent is checked by the service against the question (answer.value_invalid, 422,
 * with its `reason`), not here: a body schema would refuse a wrong shape as a bare 400 with no
 * reason to show next to the field.
 */
import { Type } from '@sinclair/typebox';
import { QUESTION_KINDS } from '../../../domain/questionnaire.js';
import { MultilingualRef, Nullable, OneOf } from '../../contract.js';

const closed = { additionalProperties: false } as const;

/** A typed value as stored and read back: one shape per kind. */
export const AnswerValue = Type.Union(
  [
    Type.Object({ choices: Type.Array(Type.String(), { description: 'choice ids, in the question’s order' }) }, closed),
    Type.Object({ number: Type.Number() }, closed),
    Type.Object({ objectives: Type.Array(Type.Integer({ minimum: 1, maximum: 23 })) }, closed),
    Type.Object({ principles: Type.Array(Type.String({ description: 'a guiding principle’s key' })) }, closed),
  ],
  {
    description:
      'single/multiple choice {choices:[id]}, number {number}, objectives {objectives:[n]}, principles {principles:[key]}',
  },
);

/** On questions that ask for a typed value only: null when none is given. */
export const OptionalValue = Type.Optional(Nullable(AnswerValue));

/** What a body sends: checked by the service (absent on a save: the current value stays). */
export const ValueInput = Type.Optional(
  Type.Unknown({
    description:
      'The typed value (shapes as AnswerValue), or null for none. Checked against the question: 422 answer.value_invalid ' +
      'with details {question, reason, value?}; reason is one of not_expected, wrong_shape, unknown_choice, ' +
      'one_choice_only, not_a_number, unknown_objective, unknown_principle.',
  }),
);

/** What the question asks for, on the answer page (all languages: the page picks the reader's). */
export const QuestionAsked = {
  kind: OneOf(QUESTION_KINDS, { description: 'text: free text only' }),
  choices: Type.Optional(
    Type.Array(Type.Object({ id: Type.String(), label: MultilingualRef }, closed), {
      description: 'choice questions: the options, in order',
    }),
  ),
  unit: Type.Optional(MultilingualRef),
  guidance: Type.Optional(MultilingualRef),
  value: Nullable(AnswerValue),
};
