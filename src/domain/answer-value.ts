import { PacteError } from './errors.js';
import { kindOf, type Question } from './questionnaire.js';

/**
 * The typed value of an answer, beside its free text (blocks), for the questions that ask for one
 * (docs/questionnaires.md, « Answer types »). One shape per kind, so that a reader of the review
 * JSON knows what it holds without the questionnaire:
 *   single_choice, multiple_choice  { choices: [choice id …] }   (single: at most one)
 *   number                          { number: 4500 }             (the unit is the question's)
 *   objectives                      { objectives: [1, 7 …] }     (GCM objectives, 1–23)
 *   principles                      { principles: [key …] }      (guiding principles' keys)
 * Lists are in the questionnaire's order, without repeats. No value (null) = not given.
 */
export type AnswerValue =
  { choices: string[] } | { number: number } | { objectives: number[] } | { principles: string[] };

export const OBJECTIVE_NUMBERS: readonly number[] = Array.from({ length: 23 }, (_, i) => i + 1);

/** Why a value does not fit its question: `answer.value_invalid`'s `reason`. */
export type ValueProblem =
  | 'not_expected' // the question is free text only
  | 'wrong_shape' // not the kind's shape (e.g. { number } for a choice question)
  | 'unknown_choice'
  | 'one_choice_only'
  | 'not_a_number'
  | 'unknown_objective'
  | 'unknown_principle';

const invalid = (question: Question, reason: ValueProblem, detail?: string | number) =>
  new PacteError('answer.value_invalid', {
    question: question.id,
    reason,
    ...(detail === undefined ? {} : { value: String(detail) }),
  });

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The members of `wanted` in `order`'s order, checking each is known and none repeats. */
function ordered<T>(wanted: unknown, order: readonly T[], problem: (item: unknown) => PacteError): T[] {
  if (!Array.isArray(wanted)) throw problem(undefined);
  for (const item of wanted) if (!order.includes(item as T)) throw problem(item);
  return order.filter((item) => wanted.includes(item));
}

/**
 * The value as stored: checked against the question (`answer.value_invalid` otherwise), lists put
 * in the questionnaire's order. An empty list or null is "no value" (null). `principles` are the
 * keys of the 10 guiding principles (the catalogue's, passed in: the domain loads nothing).
 */
export function checkValue(question: Question, value: unknown, principles: readonly string[]): AnswerValue | null {
  if (value === null || value === undefined) return null;
  const kind = kindOf(question);
  if (kind === 'text') throw invalid(question, 'not_expected');
  if (!isRecord(value) || Object.keys(value).length !== 1) throw invalid(question, 'wrong_shape');
  switch (kind) {
    case 'single_choice':
    case 'multiple_choice': {
      if (!('choices' in value)) throw invalid(question, 'wrong_shape');
      const ids = (question.choices ?? []).map((c) => c.id);
      const choices = ordered(value.choices, ids, (item) =>
        item === undefined ? invalid(question, 'wrong_shape') : invalid(question, 'unknown_choice', String(item)),
      );
      if (kind === 'single_choice' && choices.length > 1) throw invalid(question, 'one_choice_only');
      return choices.length ? { choices } : null;
    }
    case 'number': {
      if (!('number' in value)) throw invalid(question, 'wrong_shape');
      const n = value.number;
      if (typeof n !== 'number' || !Number.isFinite(n)) throw invalid(question, 'not_a_number', String(n));
      return { number: n };
    }
    case 'objectives': {
      if (!('objectives' in value)) throw invalid(question, 'wrong_shape');
      const objectives = ordered(value.objectives, OBJECTIVE_NUMBERS, (item) =>
        item === undefined ? invalid(question, 'wrong_shape') : invalid(question, 'unknown_objective', String(item)),
      );
      return objectives.length ? { objectives } : null;
    }
    case 'principles': {
      if (!('principles' in value)) throw invalid(question, 'wrong_shape');
      const keys = ordered(value.principles, principles, (item) =>
        item === undefined ? invalid(question, 'wrong_shape') : invalid(question, 'unknown_principle', String(item)),
      );
      return keys.length ? { principles: keys } : null;
    }
  }
}

/** The options a value picks, as it names them: choice ids, objective numbers, principle keys. */
export function picked(value: AnswerValue | null | undefined): (string | number)[] {
  if (!value) return [];
  if ('choices' in value) return value.choices;
  if ('objectives' in value) return value.objectives;
  if ('principles' in value) return value.principles;
  return [];
}

/** The ids a value picks, for counting (objective numbers as text). */
export const pickedIds = (value: AnswerValue | null | undefined): string[] => picked(value).map(String);

/** Two values are the same (for "unchanged" saves and round-trip tests). */
export const sameValue = (a: AnswerValue | null | undefined, b: AnswerValue | null | undefined): boolean =>
  JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * Whether an answer is answered: some free text or a typed value (issue 15: ticking a choice or
 * giving a number without a word is an answer). The SQL twin is `answered` in
 * src/db/queries/reviews.ts and tracking's trigger (migration 038).
 */
export const isAnswered = (answer: { blocks: readonly unknown[]; value?: AnswerValue | null } | undefined): boolean =>
  !!answer && (answer.blocks.length > 0 || (answer.value !== null && answer.value !== undefined));
