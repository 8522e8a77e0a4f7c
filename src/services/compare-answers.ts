import type { Kysely } from 'kysely';
import * as catalogue from '../db/queries/catalogue.js';
import * as groups from '../db/queries/country-groups.js';
import * as sideBySide from '../db/queries/side-by-side.js';
import type { Database } from '../db/schema.js';
import { sameBlocks } from '../domain/blocks.js';
import { PacteError } from '../domain/errors.js';
import { direction, isLanguage, pick, type Language } from '../domain/language.js';
import {
  COMPARED_STATES,
  type BesideTranslation,
  type ComparedAnswer,
  type ComparedState,
  type Comparison,
} from '../domain/side-by-side.js';
import { can, type Actor } from '../domain/permissions.js';
import { kindOf } from '../domain/questionnaire.js';
import { countValues, valueOptions } from '../domain/value-options.js';
import { visibleCycle } from './cycle-settings.js';

export { COMPARED_STATES };
export type { ComparedAnswer, ComparedState, Comparison };

export interface CompareQuery {
  group?: string | undefined;
  objective?: number | undefined;
  state?: ComparedState | undefined;
}

/**
 * `GET /cycles/{cycle}/questions/{questionId}/answers`: one question's answers, country beside
 * country. What each reader reads, country by country:
 * - the cycle's regional secretariat (and administrators): each country's LATEST SUBMISSION, the
 *   review JSON as sent (a returned one included, marked `returned`: it is what the secretariat
 *   received and returned); a country that never submitted but was published (an administrator's
 *   import) by its latest published version;
 * - a country's focal point or validator: its own latest submission (its published version once
 *   the review is published), and the other countries' latest published versions;
 * - anyone else, signed out included: the latest published versions only.
 * The working copy is never read: unsubmitted text cannot leak. One query per source.
 * With `options.translations`, each answer read from a submission carries its current translation
 * into the reader's language (one more query): whoever reads a submission reads its translations.
 */
export async function compareAnswers(
  db: Kysely<Database>,
  actor: Actor | null,
  cycleId: string,
  questionId: string,
  query: CompareQuery,
  reader: Language,
  options: { translations?: boolean } = {},
): Promise<Comparison> {
  const cycle = await visibleCycle(db, actor, cycleId);
  const questionnaire = await catalogue.findQuestionnaire(db, cycle.questionnaireId, cycle.questionnaireVersion);
  const section = questionnaire?.sections.find((s) => s.questions.some((q) => q.id === questionId));
  const question = section?.questions.find((q) => q.id === questionId);
  if (!questionnaire || !section || !question) throw new PacteError('question.not_found', { question: questionId });
  const members = query.group === undefined ? undefined : await groups.groupMembers(db, cycle.regionId, query.group);
  if (query.group !== undefined && !members) throw new PacteError('group.not_found', { group: query.group });

  const region = cycle.regionId;
  const readsRegion = can(actor, 'submission.read', { region });
  const own = readsRegion ? undefined : ownCountries(actor, region);
  const submissions =
    readsRegion || (own && own.length > 0) ? await sideBySide.latestSubmissions(db, cycle.id, questionId, own) : [];
  const versions = await sideBySide.latestVersions(db, cycle.id, questionId);
  const submitted = new Map(submissions.map((s) => [s.country, s]));
  const published = new Map(versions.map((v) => [v.country, v]));

  const answers: ComparedAnswer[] = [];
  for (const country of new Set([...submitted.keys(), ...published.keys()])) {
    const submission = submitted.get(country);
    const version = published.get(country);
    // Checked again country by country: a submission goes only to who may read that country's.
    const mayReadSubmission = submission !== undefined && can(actor, 'submission.read', { country, region });
    const useSubmission =
      mayReadSubmission && (readsRegion || version === undefined || submission.status !== 'published');
    const row = useSubmission ? submission : version;
    if (!row) continue;
    const item = present(row, useSubmission ? 'submission' : 'published');
    if (members && !members.includes(country)) continue;
    if (query.objective !== undefined && !item.objectives.includes(query.objective)) continue;
    if (query.state !== undefined && item.state !== query.state) continue;
    answers.push(item);
  }
  if (options.translations) await addTranslations(db, cycle.id, questionId, reader, answers);
  const collator = new Intl.Collator(reader);
  answers.sort((a, b) => collator.compare(pick(a.countryName, reader), pick(b.countryName, reader)));
  const counted = valueOptions(
    question,
    kindOf(question) === 'objectives' ? await catalogue.listObjectives(db) : [],
    kindOf(question) === 'principles' ? await catalogue.listPrinciples(db) : [],
  );
  return {
    cycle,
    question: {
      id: question.id,
      section: section.id,
      text: pick(question.text, reader),
      kind: kindOf(question),
      unit: question.unit ? pick(question.unit, reader) : null,
    },
    // Counted over the answers listed (the filters apply), as the reader reads them.
    options:
      counted &&
      countValues(
        counted,
        answers.map((a) => a.value),
      ).map((o) => ({ key: o.key, label: pick(o.labels, reader), count: o.count })),
    sections: questionnaire.sections.map((s) => ({
      id: s.id,
      title: pick(s.title, reader),
      questions: s.questions.map((q) => ({ id: q.id, text: pick(q.text, reader) })),
    })),
    answers,
  };
}

/** The countries whose submissions the actor reads as their team (focal point, validator). */
function ownCountries(actor: Actor | null, region: string): string[] {
  const countries = (actor?.grants ?? []).map((g) => g.country).filter((c): c is string => c !== null);
  return [...new Set(countries)].filter((country) => can(actor, 'submission.read', { country, region }));
}

function present(row: sideBySide.SourcedAnswer, kind: 'submission' | 'published'): ComparedAnswer {
  const language: Language = isLanguage(row.language) ? row.language : 'fr';
  const state: ComparedState =
    kind === 'published' || row.status === 'published'
      ? 'published'
      : row.returned
        ? 'returned'
        : row.acknowledged
          ? 'acknowledged'
          : 'submitted';
  return {
    country: row.country,
    countryName: row.countryName,
    synthetic: row.synthetic,
    source: { kind, number: row.number, at: row.at },
    state,
    language,
    direction: direction(language),
    blocks: Array.isArray(row.blocks) ? row.blocks : [],
    value: row.value ?? null,
    objectives: (Array.isArray(row.objectives) ? row.objectives : [])
      .filter((o) => o.status === 'confirmed')
      .map((o) => Number(o.number))
      .sort((a, b) => a - b),
    translation: null,
  };
}

/**
 * Sets each answer's `translation`: for an answer read from submission n in another language
 * than the reader's, the current translation of the latest submission up to n that has one
 * (a translation of submission 1 still goes with submission 2), outdated when submission n
 * answers differently — as `listTranslations` decides it for one submission.
 */
async function addTranslations(
  db: Kysely<Database>,
  cycle: string,
  questionId: string,
  reader: Language,
  answers: ComparedAnswer[],
): Promise<void> {
  const shown = new Map(
    answers.filter((a) => a.source.kind === 'submission' && a.language !== reader).map((a) => [a.country, a]),
  );
  const rows = await sideBySide.translationsInto(db, cycle, questionId, reader, [...shown.keys()]);
  const best = new Map<string, sideBySide.BesideTranslationRow>();
  for (const row of rows) {
    const answer = shown.get(row.country);
    if (!answer || row.number > answer.source.number) continue;
    const kept = best.get(row.country);
    if (!kept || row.number > kept.number) best.set(row.country, row);
  }
  for (const [country, row] of best) {
    const answer = shown.get(country)!;
    const translation: BesideTranslation = {
      submission: row.number,
      questionId,
      language: reader,
      revision: row.revision,
      blocks: row.blocks,
      translator: row.translator,
      machine: row.machine,
      machineNote: row.machineNote,
      // a scalar subquery's date may come back as text: read it as a date either way
      createdAt: new Date(row.firstAt),
      updatedAt: new Date(row.createdAt),
      outdated: row.number < answer.source.number && !sameBlocks(row.translated ?? [], answer.blocks),
      latest: answer.source.number,
    };
    answer.translation = translation;
  }
}

/** The first question of a visible cycle's questionnaire: where « Comparer les réponses » starts. */
export async function firstQuestion(db: Kysely<Database>, actor: Actor | null, cycleId: string): Promise<string> {
  const cycle = await visibleCycle(db, actor, cycleId);
  const questionnaire = await catalogue.findQuestionnaire(db, cycle.questionnaireId, cycle.questionnaireVersion);
  const first = questionnaire?.sections[0]?.questions[0]?.id;
  if (!first) throw new PacteError('question.not_found', { question: '' });
  return first;
}
