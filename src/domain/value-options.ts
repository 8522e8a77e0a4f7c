import { pickedIds, type AnswerValue } from './answer-value.js';
import type { Multilingual } from './language.js';
import { kindOf, type Question } from './questionnaire.js';

/** One option of a typed question, as counted: a choice, a GCM objective or a guiding principle. */
export interface ValueOption {
  /** What a value names: the choice id, the objective's number as text, the principle's key. */
  key: string;
  labels: Multilingual;
}

/**
 * The options a question's values pick from, in the questionnaire's order (the catalogue's for
 * objectives and principles, passed in: the domain loads nothing); null for free text and
 * numbers, which have none to count.
 */
export function valueOptions(
  question: Pick<Question, 'kind' | 'choices'>,
  objectives: readonly { number: number; title: Multilingual }[],
  principles: readonly { key: string; title: Multilingual }[],
): ValueOption[] | null {
  switch (kindOf(question)) {
    case 'single_choice':
    case 'multiple_choice':
      return (question.choices ?? []).map((c) => ({ key: c.id, labels: c.label }));
    case 'objectives':
      return objectives.map((o) => ({
        key: String(o.number),
        labels: Object.fromEntries(Object.entries(o.title).map(([l, t]) => [l, `${o.number}. ${t}`])),
      }));
    case 'principles':
      return principles.map((p) => ({ key: p.key, labels: p.title }));
    default:
      return null;
  }
}

/** How many of the values pick each option (a country counts once per option it picked). */
export function countValues(
  options: readonly ValueOption[],
  values: readonly (AnswerValue | null | undefined)[],
): (ValueOption & { count: number })[] {
  const picked = values.map((v) => new Set(pickedIds(v)));
  return options.map((o) => ({ ...o, count: picked.filter((p) => p.has(o.key)).length }));
}
