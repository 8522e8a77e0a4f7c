import type { AnswerValue } from './answer-value.js';
import { pick, type Language } from './language.js';
import type { Question } from './questionnaire.js';
import type { ValueNames } from './value-text.js';

/**
 * The words of a typed value, in one language: what search indexes beside the answer's text and
 * what a CSV cell or a screen reader says of it. Choices by their label, objectives and
 * principles by their title (the catalogue's ValueNames, as documents take them: services/value-names.ts), a number with
 * the question's unit. Ids never leak: a value names ids, people read labels.
 */
export function valueLabels(
  question: Pick<Question, 'choices' | 'unit'>,
  value: AnswerValue | null | undefined,
  language: Language,
  names: ValueNames,
): string[] {
  if (!value) return [];
  if ('choices' in value) {
    const labels = new Map((question.choices ?? []).map((c) => [c.id, c.label]));
    return value.choices.map((id) => (labels.has(id) ? pick(labels.get(id)!, language) : id));
  }
  if ('number' in value) {
    const unit = question.unit ? pick(question.unit, language) : '';
    return [unit ? `${value.number} ${unit}` : String(value.number)];
  }
  if ('objectives' in value) {
    return value.objectives.map((n) => {
      const title = names.objectives.find((o) => o.number === n)?.title;
      return title ? `${n}. ${pick(title, language)}` : String(n);
    });
  }
  return value.principles.map((key) => {
    const title = names.principles.find((p) => p.key === key)?.title;
    return title ? pick(title, language) : key;
  });
}
