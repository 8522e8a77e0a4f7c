import type { AnswerValue } from './answer-value.js';
import { pick, type Language, type Multilingual } from './language.js';
import type { Question } from './questionnaire.js';

/**
 * The words of a typed value, in one language: what search indexes beside the answer's text and
 * what a CSV cell or a screen reader says of it. Choices by their label, objectives and
 * principles by their title (the catalogue's, passed in: the domain loads nothing), a number with
 * the question's unit. Ids never leak: a value names ids, people read labels.
 */
export interface ValueTitles {
  objectives: ReadonlyMap<number, Multilingual>;
  principles: ReadonlyMap<string, Multilingual>;
}

export function valueLabels(
  question: Pick<Question, 'choices' | 'unit'>,
  value: AnswerValue | null | undefined,
  language: Language,
  titles: ValueTitles,
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
      const title = titles.objectives.get(n);
      return title ? `${n}. ${pick(title, language)}` : String(n);
    });
  }
  return value.principles.map((key) => {
    const title = titles.principles.get(key);
    return title ? pick(title, language) : key;
  });
}
