import type { Static } from '@sinclair/typebox';
import type { Tracking } from '../../services/get-tracking.js';
import type { getTrackingSchema } from '../routes/tracking/schema.js';

/** The tracking rows as the API answers them (dates as ISO strings). */
export function presentTracking(tracking: Tracking): Static<(typeof getTrackingSchema.response)[200]> {
  return {
    cycle: tracking.cycle.id,
    region: tracking.cycle.regionId,
    dueOn: tracking.dueOn,
    questions: tracking.questions,
    countries: tracking.countries.map((c) => ({
      country: c.country,
      countryName: c.countryName,
      state: c.state,
      progress: c.progress,
      lastActivity: c.lastActivity?.toISOString() ?? null,
      overdue: c.overdue,
      submissions: { ...c.submissions, lastAt: c.submissions.lastAt?.toISOString() ?? null },
      synthetic: c.synthetic,
    })),
  };
}
