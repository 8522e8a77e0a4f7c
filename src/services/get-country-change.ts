import type { Kysely } from 'kysely';
import * as catalogue from '../db/queries/catalogue.js';
import * as changes from '../db/queries/cycle-change.js';
import * as reviews from '../db/queries/reviews.js';
import type { Database } from '../db/schema.js';
import {
  compareCycles,
  countChanges,
  type ChangeCounts,
  type ComparedReview,
  type CycleChange,
  type QuestionChange,
} from '../domain/cycle-change.js';
import type { Cycle } from '../domain/cycles.js';
import { PacteError } from '../domain/errors.js';
import { isLanguage, pick, type Language, type Multilingual } from '../domain/language.js';
import { can, type Actor } from '../domain/permissions.js';
import { changeMapping } from './cycle-mapping.js';
import { managesCycle, visibleCycle } from './cycle-settings.js';
import { storedReview } from './get-review.js';

/** Where the text compared comes from: what the country sent, what it published, or its working copy. */
export type ChangeSource = 'submission' | 'published' | 'working';

export interface ChangeSide {
  cycle: string;
  source: ChangeSource;
  /** The submission's number or the published version; null for a working copy. */
  number: number | null;
  at: Date | null;
  language: Language;
}

export interface CountryChange {
  country: string;
  countryName: Multilingual;
  synthetic: boolean;
  region: string;
  from: ChangeSide;
  to: ChangeSide;
  questions: (QuestionChange & { text: string })[];
  figures: CycleChange['figures'];
  objectives: CycleChange['objectives'];
  counts: ChangeCounts;
}

/** Both cycles, visible to the actor and of the same region (`cycle.not_same_region` otherwise). */
export async function twoCycles(
  db: Kysely<Database>,
  actor: Actor | null,
  fromId: string,
  toId: string,
): Promise<[Cycle, Cycle]> {
  const from = await visibleCycle(db, actor, fromId);
  const to = await visibleCycle(db, actor, toId);
  if (from.regionId !== to.regionId) throw new PacteError('cycle.not_same_region', { from: fromId, to: toId });
  return [from, to];
}

/** Who reads the country's working copy whatever its status: its focal points and validators, administrators. */
const readsWorkingCopy = (actor: Actor | null, country: string, region: string) =>
  can(actor, 'review.read', { country, region, status: 'draft' });

/**
 * `GET /reviews/{country}/changes?from=&to=`: the country's change from one cycle to another.
 * What each reader compares: the country's focal points and validators (and administrators) their
 * working copies; the region's secretariat the latest submission of each cycle (a cycle
 * the country never submitted in but published in, by its latest published version); anyone
 * else, signed out included, the latest published versions. When either cycle has nothing the
 * reader may compare, `review.not_found`: nothing tells an outsider that an unpublished review exists.
 */
export async function getCountryChange(
  db: Kysely<Database>,
  actor: Actor | null,
  target: { country: string; from: string; to: string },
  reader: Language,
): Promise<CountryChange> {
  const country = target.country.toUpperCase();
  const [from, to] = await twoCycles(db, actor, target.from, target.to);
  const mode: ChangeSource = readsWorkingCopy(actor, country, to.regionId)
    ? 'working'
    : managesCycle(actor, to)
      ? 'submission'
      : 'published';
  const earlier = await sideOf(db, mode, country, from);
  const later = await sideOf(db, mode, country, to);
  const name = await changes.countryOf(db, country);
  if (!earlier || !later || !name)
    throw new PacteError('review.not_found', { country, cycle: earlier ? to.id : from.id });
  const change = compareCycles(earlier.review, later.review, await changeMapping(db, from, to));
  // A question is worded as its own questionnaire words it: a later one by the later version, an
  // earlier one without successor by the earlier (the later may use its id for another question).
  const [laterTexts, earlierTexts] = [await questionTexts(db, [to], reader), await questionTexts(db, [from], reader)];
  const textOf = (q: { earlier: string | null; later: string | null }) =>
    (q.later !== null ? laterTexts.get(q.later) : earlierTexts.get(q.earlier ?? '')) ?? '';
  return {
    country,
    countryName: name.name,
    synthetic: name.synthetic,
    region: to.regionId,
    from: earlier.side,
    to: later.side,
    questions: change.questions.map((q) => ({ ...q, text: textOf(q) })),
    figures: change.figures,
    objectives: change.objectives,
    counts: countChanges(change),
  };
}

async function sideOf(
  db: Kysely<Database>,
  mode: ChangeSource,
  country: string,
  cycle: Cycle,
): Promise<{ review: ComparedReview; side: ChangeSide } | null> {
  if (mode === 'working') {
    const row = await reviews.findReview(db, country, cycle.id);
    const questionnaire = await catalogue.findQuestionnaire(db, cycle.questionnaireId, cycle.questionnaireVersion);
    if (!row || !questionnaire) return null;
    const review = await storedReview(db, row, questionnaire);
    return { review, side: { cycle: cycle.id, source: 'working', number: null, at: null, language: row.language } };
  }
  // The secretariat reads what was sent; a review published without a submission (an import), as published.
  const sources = mode === 'submission' ? (['submission', 'published'] as const) : (['published'] as const);
  for (const source of sources) {
    const [found] = await changes.latestDocuments(db, cycle.id, source, country);
    if (!found) continue;
    const review = found.document as ComparedReview;
    const language = isLanguage(review.language) ? review.language : 'fr';
    return { review, side: { cycle: cycle.id, source, number: found.number, at: found.at, language } };
  }
  return null;
}

/** Each question's wording in the reader's language, the later questionnaire's first. */
export async function questionTexts(db: Kysely<Database>, cycles: Cycle[], reader: Language) {
  const texts = new Map<string, string>();
  const seen = new Set<string>();
  for (const cycle of cycles) {
    // Two cycles on the same questionnaire (the usual case) read it once.
    const key = `${cycle.questionnaireId}@${cycle.questionnaireVersion}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const questionnaire = await catalogue.findQuestionnaire(db, cycle.questionnaireId, cycle.questionnaireVersion);
    for (const q of questionnaire?.sections.flatMap((s) => s.questions) ?? []) {
      if (!texts.has(q.id)) texts.set(q.id, pick(q.text, reader));
    }
  }
  return texts;
}
