import { sql } from 'kysely';
import type { Cycle } from '../../domain/cycles.js';
import type { Multilingual } from '../../domain/language.js';
import type { ReviewStatus } from '../../domain/workflow.js';
import type { Db } from '../connection.js';

/** A participating country of a cycle, its review (if any) and its submissions, as tracked. */
export interface TrackingRow {
  country: string;
  countryName: Multilingual;
  reviewId: number | null;
  status: ReviewStatus | null;
  /** The country lets the secretariat see its progress before submitting (migration 018). */
  shareProgress: boolean;
  /** The latest of the review's change, answer revisions and submissions; null without a review. */
  lastActivity: Date | null;
  submissions: number;
  lastSubmittedAt: Date | null;
  /** Of the latest submission. */
  acknowledged: boolean;
  returned: boolean;
  /**
   * Answered questions (an answer with at least one block) by section id, counts only; null
   * unless the country has submitted or shares its progress — the rule is in the query, so that
   * nothing else is ever read.
   */
  answered: Record<string, number> | null;
  /** The country is a fictional one of the demo region (migration 019). */
  synthetic: boolean;
}

/** A cycle, its questionnaire's sections (with their numbers of questions) and its countries. */
export interface TrackingData {
  cycle: Cycle;
  sections: { id: string; questions: number }[];
  rows: TrackingRow[];
}

interface CycleJson extends Omit<Cycle, 'createdAt' | 'updatedAt' | 'countries' | 'synthetic'> {
  createdAt: string;
  updatedAt: string;
  /** null only if the region were missing (a foreign key forbids it). */
  synthetic: boolean | null;
}
interface Json {
  cycle: CycleJson;
  sections: TrackingData['sections'] | null;
  rows: RowJson[] | null;
}
/** A row as the query sends it: an array (the keys of objects would be half of what is sent). */
type RowJson = [
  country: string,
  countryName: Multilingual,
  reviewId: number | null,
  status: ReviewStatus | null,
  shareProgress: boolean | null,
  lastActivity: string | null,
  submissions: number | null,
  lastSubmittedAt: string | null,
  acknowledged: boolean | null,
  returned: boolean | null,
  answered: Record<string, number> | null,
  // Appended by migration 022.
  synthetic: boolean,
];

/**
 * The whole tracking table of a cycle in ONE query (one round trip, whatever the number of
 * countries): migration 020's tracking_of() builds the cycle, its sections and one row per
 * participating country as JSON, from what its triggers keep up to date for each review
 * (review_tracking: submissions, latest events, answered questions by section), with a plan
 * PL/pgSQL keeps for the session. It costs about the plain SELECT of cycle_country and review
 * that bench/tracking.ts measures it against; four queries counting on every read cost 3.5–9×
 * that. The answer counts leave the database only for the reviews whose progress may be shown
 * (submitted, or shared: migration 018). undefined when the cycle does not exist; the caller
 * checks who may read it.
 */
export async function trackingOf(db: Db, cycleId: string): Promise<TrackingData | undefined> {
  const result = await sql<{ data: Json | null }>`select tracking_of(${cycleId}) as data`.execute(db);
  return toTrackingData(result.rows[0]?.data ?? undefined);
}

function toTrackingData(data: Json | undefined): TrackingData | undefined {
  if (!data?.cycle) return undefined;
  const rows = (data.rows ?? []).map(
    ([
      country,
      countryName,
      reviewId,
      status,
      share,
      activity,
      submissions,
      submittedAt,
      ack,
      ret,
      answered,
      fictional,
    ]) => ({
      country: country.trim(),
      countryName,
      reviewId,
      status,
      shareProgress: share === true,
      lastActivity: activity === null ? null : new Date(activity),
      submissions: submissions ?? 0,
      lastSubmittedAt: submittedAt === null ? null : new Date(submittedAt),
      acknowledged: ack === true,
      returned: ret === true,
      answered,
      synthetic: fictional === true,
    }),
  );
  const { createdAt, updatedAt, synthetic, ...cycle } = data.cycle;
  return {
    cycle: {
      ...cycle,
      synthetic: synthetic === true,
      countries: rows.map((row) => row.country),
      createdAt: new Date(createdAt),
      updatedAt: new Date(updatedAt),
    },
    sections: data.sections ?? [],
    rows,
  };
}

/** Whether a review shares its progress (migration 018); the previous value, on the locked row. */
export async function shareProgress(db: Db, reviewId: number): Promise<boolean> {
  const row = await db.selectFrom('review').select('share_progress').where('id', '=', reviewId).executeTakeFirst();
  return row?.share_progress ?? false;
}

export async function setShareProgress(db: Db, reviewId: number, share: boolean): Promise<void> {
  await db.updateTable('review').set({ share_progress: share }).where('id', '=', reviewId).execute();
}
