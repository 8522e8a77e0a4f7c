import { hasRole } from '../../lib/session.js';
import type { CycleInfo, Session, TrackedCountry } from '../../lib/types.js';

/**
 * What the secretariat's pages share: whose cycles a person follows, the order they come in,
 * and what needs attention in a cycle's tracking.
 */

/** The regions a person is the secretariat of; null for an administrator (every region). */
export function secretariatRegions(session: Session | null): string[] | null {
  if (hasRole(session, 'admin')) return null;
  return [
    ...new Set((session?.grants ?? []).filter((g) => g.role === 'secretariat' && g.region).map((g) => g.region!)),
  ];
}

/** Whether the person follows a region: the secretariat's regions, or every one for an admin. */
export function followsRegions(session: Session | null): boolean {
  const regions = secretariatRegions(session);
  return regions === null || regions.length > 0;
}

/**
 * The person's working home is the regional one when the secretariat is all they are: someone
 * who also writes a country's review (a focal point, a contributor…) keeps their tasks first.
 */
export function regionalFirst(session: Session | null): boolean {
  const grants = session?.grants ?? [];
  return grants.length > 0 && grants.every((g) => g.role === 'secretariat');
}

const STATE_ORDER = { open: 0, planned: 1, closed: 2 } as const;

/** Open cycles first, then planned, then closed; the latest opening first within each. */
export function cycleOrder(a: CycleInfo, b: CycleInfo): number {
  return (
    STATE_ORDER[a.state] - STATE_ORDER[b.state] ||
    (b.opensOn ?? '9999').localeCompare(a.opensOn ?? '9999') ||
    a.id.localeCompare(b.id)
  );
}

/** What the home page counts for a cycle, each the name of a filter of the cycle page (`?show=`). */
export const ATTENTION = ['unacknowledged', 'overdue', 'returned'] as const;
export type Attention = (typeof ATTENTION)[number];
/** Other views of the table the home page links to. */
export const SHOWS = [...ATTENTION, 'submitted'] as const;
export type Show = (typeof SHOWS)[number];

/** Whether a tracked country belongs to a view. */
export function shows(row: TrackedCountry, show: Show): boolean {
  const s = row.submissions;
  switch (show) {
    // A submission the secretariat has neither acknowledged nor returned yet.
    case 'unacknowledged':
      return s.count > 0 && !s.acknowledged && !s.returned;
    case 'overdue':
      return row.overdue;
    // The latest submission was returned and nothing was submitted since.
    case 'returned':
      return s.count > 0 && s.returned;
    case 'submitted':
      return s.count > 0;
  }
}

export const isShow = (value: string | null): value is Show => (SHOWS as readonly string[]).includes(value ?? '');

/** The app path of a cycle's page, with a view or filters. */
export const cyclePath = (cycle: string, query: Record<string, string> = {}) => {
  const search = new URLSearchParams(query).toString();
  return `/cycles/${encodeURIComponent(cycle)}${search ? `?${search}` : ''}`;
};
