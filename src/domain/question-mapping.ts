import type { AnswerValue } from './answer-value.js';
import type { Block } from './blocks.js';
import { PacteError } from './errors.js';
import { kindOf, questionsOf, type Question, type Questionnaire } from './questionnaire.js';

/**
 * How the questions of an earlier questionnaire version map onto a later one (migration 037,
 * docs/questionnaires.md « Mapping »). Stored rows name an earlier question and where its answer
 * goes (`to` null: nowhere); a question no row names maps to the question of the same id, if the
 * later version has one. One earlier question to several later ones is a SPLIT (the answer is
 * copied to each), several to one a MERGE (answers one after the other, in the earlier order).
 */
export interface MappingRow {
  from: string;
  to: string | null;
}

/** Earlier question id → the later question ids its answer goes to (empty: no successor). */
export type QuestionMap = ReadonlyMap<string, readonly string[]>;

export function resolveMapping(earlier: Questionnaire, later: Questionnaire, rows: readonly MappingRow[]): QuestionMap {
  const laterIds = new Set(questionsOf(later).map((q) => q.id));
  const earlierIds = new Set(questionsOf(earlier).map((q) => q.id));
  for (const row of rows) {
    if (!earlierIds.has(row.from))
      throw new PacteError('questionnaire.invalid_mapping', { reason: 'unknown_from', question: row.from });
    if (row.to !== null && !laterIds.has(row.to))
      throw new PacteError('questionnaire.invalid_mapping', { reason: 'unknown_to', question: row.to });
  }
  const map = new Map<string, string[]>();
  for (const question of questionsOf(earlier)) {
    const named = rows.filter((r) => r.from === question.id);
    map.set(
      question.id,
      named.length
        ? named.flatMap((r) => (r.to === null ? [] : [r.to]))
        : laterIds.has(question.id)
          ? [question.id]
          : [],
    );
  }
  return map;
}

/** One later question per earlier one (the first of a split), for views that pair answers one to one. */
export const pairs = (map: QuestionMap): Record<string, string> =>
  Object.fromEntries([...map].flatMap(([from, to]) => (to[0] === undefined ? [] : [[from, to[0]]])));

export interface CarriedAnswer {
  blocks: Block[];
  value: AnswerValue | null;
}

export interface Carried {
  /** Later question id → what it receives, in the later questionnaire's order. */
  answers: Map<string, CarriedAnswer>;
  /** Earlier questions answered whose answer goes nowhere (reported, never dropped silently). */
  notInQuestionnaire: string[];
  /** Later questions that received text but not the earlier typed value (kinds or options differ, or a merge). */
  valuesNotCarried: string[];
}

/** A value still fits the later question: same kind, and every chosen option exists there. */
function fits(value: AnswerValue, from: Question, to: Question): boolean {
  if (kindOf(from) !== kindOf(to)) return false;
  if (!('choices' in value)) return true;
  const ids = new Set((to.choices ?? []).map((c) => c.id));
  return value.choices.every((id) => ids.has(id));
}

/** The earlier answers, carried along the map onto the later questionnaire. */
export function carryAnswers(
  earlier: Questionnaire,
  later: Questionnaire,
  map: QuestionMap,
  answers: ReadonlyMap<string, { blocks: Block[]; value?: AnswerValue | null }>,
): Carried {
  const byId = new Map(questionsOf(earlier).map((q) => [q.id, q]));
  const sources = new Map<string, string[]>();
  const notInQuestionnaire: string[] = [];
  for (const question of questionsOf(earlier)) {
    const answer = answers.get(question.id);
    if (!answer || (answer.blocks.length === 0 && !answer.value)) continue;
    const targets = map.get(question.id) ?? [];
    if (!targets.length) notInQuestionnaire.push(question.id);
    for (const to of targets) sources.set(to, [...(sources.get(to) ?? []), question.id]);
  }
  const carried = new Map<string, CarriedAnswer>();
  const valuesNotCarried: string[] = [];
  for (const to of questionsOf(later)) {
    const from = sources.get(to.id);
    if (!from) continue;
    const blocks = from.flatMap((id) => answers.get(id)!.blocks);
    const values = from.map((id) => answers.get(id)!.value ?? null).filter((v) => v !== null);
    const single = from.length === 1 ? values[0] : undefined;
    const value = single && fits(single, byId.get(from[0]!)!, to) ? single : null;
    if (values.length && !value) valuesNotCarried.push(to.id);
    carried.set(to.id, { blocks, value });
  }
  return { answers: carried, notInQuestionnaire, valuesNotCarried };
}
