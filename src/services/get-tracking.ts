import type { Kysely } from 'kysely';
import * as tracking from '../db/queries/tracking.js';
import type { Database } from '../db/schema.js';
import type { Cycle } from '../domain/cycles.js';
import { PacteError } from '../domain/errors.js';
import type { Multilingual } from '../domain/language.js';
import { can, type Actor } from '../domain/permissions.js';
import { REVIEW_STATUSES, type ReviewStatus } from '../domain/workflow.js';

export const TRACKING_SORTS = ['country', 'state', 'lastActivity', 'overdue'] as const;
export type TrackingSort = (typeof TRACKING_SORTS)[number];
/** A country's review state; `none` while it has no review in the cycle. */
export type TrackingState = ReviewStatus | 'none';
export const TRACKING_STATES = ['none', ...REVIEW_STATUSES] as const;

export interface TrackingQuery {
  sort?: TrackingSort;
  state?: TrackingState;
  overdue?: boolean;
}

/** A participating country as the secretariat tracks it. */
export interface TrackedCountry {
  country: string;
  countryName: Multilingual;
  state: TrackingState;
  /** Answered questions by section and in all; null while the country's progress is not shown. */
  progress: { sections: { id: string; questions: number; answered: number }[]; answered: number } | null;
  lastActivity: Date | null;
  overdue: boolean;
  submissions: { count: number; lastAt: Date | null; acknowledged: boolean; returned: boolean };
  /** A fictional country of the demo region: its review is synthetic data (migration 019). */
  synthetic: boolean;
}

export interface Tracking {
  cycle: Cycle;
  dueOn: string | null;
  questions: number;
  countries: TrackedCountry[];
}

/**
 * `GET /cycles/{cycle}/tracking`: each participating country of the cycle, for its region's
 * secretariat (and administrators); anyone else signed in gets `cycle.not_found`, the same
 * hiding as the cycle's submissions list. In one query, whatever the number of countries: the
 * cycle, its sections, the rows and the answer counts (queries/tracking.ts trackingOf); the
 * region is checked on what it returns, and an outsider gets the same answer as for no cycle.
 *
 * Progress (answered questions, counts only) is shown once the country has submitted, or before
 * if its focal point shares it (migration 018, services/share-tracking-progress.ts): what a
 * country writes is its own until it sends it.
 *
 * Overdue: the due date has passed and the country awaits a submission (none yet, or its latest
 * was returned). Closing a cycle changes nothing to this: a country that never submitted is late
 * whether the cycle accepts late submissions or refuses them.
 */
export async function getTracking(
  db: Kysely<Database>,
  actor: Actor | null,
  cycleId: string,
  query: TrackingQuery = {},
  today: string = new Date().toISOString().slice(0, 10),
): Promise<Tracking> {
  if (!actor) throw new PacteError('auth.required');
  const data = await tracking.trackingOf(db, cycleId);
  if (!data || !can(actor, 'submission.read', { region: data.cycle.regionId })) {
    throw new PacteError('cycle.not_found', { cycle: cycleId });
  }
  // The region's translators translate answers; they do not follow the countries' progress.
  if (!can(actor, 'submission.follow', { region: data.cycle.regionId })) throw new PacteError('auth.forbidden');
  const { cycle, sections, rows } = data;
  const pastDue = cycle.dueOn !== null && cycle.dueOn < today;
  const countries = rows.map((row): TrackedCountry => {
    const answered = row.answered;
    const progressSections = answered && sections.map((s) => ({ ...s, answered: answered[s.id] ?? 0 }));
    return {
      country: row.country,
      countryName: row.countryName,
      state: row.status ?? 'none',
      progress: progressSections && {
        sections: progressSections,
        answered: progressSections.reduce((sum, s) => sum + s.answered, 0),
      },
      lastActivity: row.lastActivity,
      overdue: pastDue && (row.submissions === 0 || row.returned),
      submissions: {
        count: row.submissions,
        lastAt: row.lastSubmittedAt,
        acknowledged: row.acknowledged,
        returned: row.returned,
      },
      synthetic: row.synthetic,
    };
  });
  return {
    cycle,
    dueOn: cycle.dueOn,
    questions: sections.reduce((sum, s) => sum + s.questions, 0),
    countries: sortTracking(
      countries.filter(
        (c) =>
          (query.state === undefined || c.state === query.state) &&
          (query.overdue === undefined || c.overdue === query.overdue),
      ),
      query.sort ?? 'country',
    ),
  };
}

/**
 * `state` in workflow order (no review first), `lastActivity` the longest silent first (no
 * activity at all first), `overdue` the overdue first; ties by country code.
 */
export function sortTracking(list: TrackedCountry[], sort: TrackingSort): TrackedCountry[] {
  const key = (c: TrackedCountry): number => {
    if (sort === 'state') return TRACKING_STATES.indexOf(c.state);
    if (sort === 'lastActivity') return c.lastActivity?.getTime() ?? -Infinity;
    if (sort === 'overdue') return c.overdue ? 0 : 1;
    return 0;
  };
  return [...list].sort((a, b) => key(a) - key(b) || (a.country < b.country ? -1 : a.country > b.country ? 1 : 0));
}
