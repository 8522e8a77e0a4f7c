/**
 * Review cycles (issue 11): a region's round of reviews, which its secretariat creates, edits,
 * opens and closes. migrations/016_cycles.sql holds the same rules; docs/regional.md says them.
 */
import type { Language, Multilingual } from './language.js';

export const CYCLE_STATES = ['planned', 'open', 'closed'] as const;
export type CycleState = (typeof CYCLE_STATES)[number];

/**
 * What closing does to a review submitted after it, chosen by the secretariat when it closes:
 * `accept` keeps receiving them (late: after the due date), `refuse` refuses them.
 */
export const LATE_POLICIES = ['accept', 'refuse'] as const;
export type LatePolicy = (typeof LATE_POLICIES)[number];

/** planned → open → closed → open: never back to planned (countries may have started). */
const CYCLE_MOVES: Record<CycleState, readonly CycleState[]> = {
  planned: ['open'],
  open: ['closed'],
  closed: ['open'],
};
export const canMoveCycle = (from: CycleState, to: CycleState) => CYCLE_MOVES[from].includes(to);

/** A cycle id: lower-case letters, digits and hyphens (it is in every review's URL). */
export const CYCLE_ID = /^[a-z0-9][a-z0-9-]{0,63}$/u;

export interface Cycle {
  id: string;
  regionId: string;
  title: Multilingual;
  questionnaireId: string;
  questionnaireVersion: number;
  /** YYYY-MM-DD, null while planned without dates. */
  opensOn: string | null;
  dueOn: string | null;
  languages: Language[];
  state: CycleState;
  /** Chosen when closing; null unless closed. */
  lateSubmissions: LatePolicy | null;
  /** Its region is the fictional demo one (migration 019): its reviews are synthetic data. */
  synthetic: boolean;
  /** ISO 3166-1 alpha-3 codes, sorted. */
  countries: string[];
  createdBy: string | null;
  createdAt: Date;
  updatedBy: string | null;
  updatedAt: Date;
}

/** Whether the cycle receives a submission now: not once closed with late submissions refused. */
export const acceptsSubmissions = (cycle: Pick<Cycle, 'state' | 'lateSubmissions'>) =>
  !(cycle.state === 'closed' && cycle.lateSubmissions === 'refuse');
