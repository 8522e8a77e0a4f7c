import type { Kysely } from 'kysely';
import * as cycles from '../db/queries/cycles.js';
import * as submissions from '../db/queries/submissions.js';
import * as translations from '../db/queries/translations.js';
import type { Database } from '../db/schema.js';
import { sameBlocks, type Block } from '../domain/blocks.js';
import type { Language } from '../domain/language.js';
import type { Actor } from '../domain/permissions.js';
import type { ReviewDocument } from '../domain/review.js';
import { notFound, openSubmissions } from './submission-access.js';

/** A current translation of one answer, as read: with whether the country changed the answer since. */
export interface Translation {
  /** The submission whose answer was translated. */
  submission: number;
  questionId: string;
  language: string;
  revision: number;
  blocks: Block[];
  translator: string;
  machine: boolean;
  machineNote: string | null;
  createdAt: Date;
  updatedAt: Date;
  /** The country's latest submission has a different answer to the question. */
  outdated: boolean;
  /** The country's latest submission, against which `outdated` is decided. */
  latest: number;
}

export interface SubmissionTranslations {
  country: string;
  cycle: string;
  number: number;
  /** The language the country answered in (the submitted review's). */
  answerLanguage: Language;
  /** The cycle's languages: a translation is into one of them other than the answers'. */
  languages: Language[];
  translations: Translation[];
}

/**
 * `GET …/submissions/{number}/translations`: the translations that go with one submission, read
 * by whoever reads the submission (the country's team, the region's secretariat and translators).
 * For each question and language, the current translation of the latest submission up to this
 * one that has one: a translation made on submission 1 still goes with submission 2, flagged
 * outdated when the country's latest submission answers differently (computed here, never stored:
 * a submission never changes, so neither does the verdict until the next one).
 */
export async function listTranslations(
  db: Kysely<Database>,
  actor: Actor | null,
  target: { country: string; cycle: string; number: number },
): Promise<SubmissionTranslations> {
  const { access } = await openSubmissions(db, actor, target, 'submission.read');
  const found = await submissions.findSubmission(db, access.review.id, target.number);
  if (!found) throw notFound(access, target.number);
  const byKey = new Map<string, translations.CurrentTranslation>();
  for (const row of await translations.listCurrent(db, access.review.id, target.number)) {
    byKey.set(`${row.questionId}\u0000${row.language}`, row); // oldest submission first: the latest stays
  }
  const cycle = await cycles.findCycle(db, access.review.cycle);
  return {
    country: access.review.country,
    cycle: access.review.cycle,
    number: target.number,
    answerLanguage: (found.document as ReviewDocument).language,
    languages: cycle?.languages ?? [],
    translations: await withOutdated(db, access.review.id, [...byKey.values()]),
  };
}

/** The current translation of one answer of one submission, as read (after a save). */
export async function currentTranslationOf(
  db: Kysely<Database>,
  reviewId: number,
  target: { number: number; questionId: string; language: string },
): Promise<Translation> {
  const rows = (await translations.listCurrent(db, reviewId, target.number)).filter(
    (r) => r.number === target.number && r.questionId === target.questionId && r.language === target.language,
  );
  const [translation] = await withOutdated(db, reviewId, rows);
  if (!translation) throw new Error('a translation just written is read back');
  return translation;
}

/** Each translation with `outdated`: its submission's answer against the latest submission's. */
export async function withOutdated(
  db: Kysely<Database>,
  reviewId: number,
  rows: translations.CurrentTranslation[],
): Promise<Translation[]> {
  const latest = await submissions.latestNumber(db, reviewId);
  const documents = new Map<number, Promise<ReviewDocument | undefined>>();
  const documentOf = (number: number) => {
    let found = documents.get(number);
    if (!found) {
      found = submissions.findSubmission(db, reviewId, number).then((s) => s?.document as ReviewDocument | undefined);
      documents.set(number, found);
    }
    return found;
  };
  const out: Translation[] = [];
  for (const { firstAt, createdAt, number, ...row } of rows) {
    let outdated = false;
    if (number < latest) {
      const [then, now] = [await documentOf(number), await documentOf(latest)];
      outdated = !then || !now || !sameBlocks(answerOf(then, row.questionId), answerOf(now, row.questionId));
    }
    out.push({ ...row, submission: number, createdAt: firstAt, updatedAt: createdAt, outdated, latest });
  }
  return out;
}

/** The blocks a submitted review holds for one question (none when it was left unanswered). */
export function answerOf(document: ReviewDocument, questionId: string): Block[] {
  for (const section of document.sections) {
    const question = section.questions.find((q) => q.id === questionId);
    if (question) return question.answer.blocks;
  }
  return [];
}
