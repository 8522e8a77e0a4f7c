import type { Static } from '@sinclair/typebox';
import type { OpenDataCycle } from '../../services/list-open-data.js';
import type { listOpenDataSchema } from '../routes/publications/schema.js';
import { reviewUrl } from './reviews.js';

/** The portal page of a published version (src/http/pages): a stable URL, which open data links to too. */
export const versionPage = ({ country, cycle, version }: { country: string; cycle: string; version: number }) =>
  `/reviews/${country}/${cycle}/versions/${version}`;

/** A published version of a review, with its stable addresses in the API and on the portal. */
export function presentVersion(country: string, cycle: string, version: { version: number; publishedAt: Date }) {
  return {
    version: version.version,
    publishedAt: version.publishedAt.toISOString(),
    url: `${reviewUrl(country, cycle)}/versions/${version.version}`,
    page: versionPage({ country, cycle, version: version.version }),
  };
}

/** What open data holds: the licence, when it last changed, and each cycle with its zip. */
export function presentOpenData(
  licence: { name: string; title: string; path: string },
  openData: { lastUpdated: Date | null; cycles: OpenDataCycle[] },
): Static<(typeof listOpenDataSchema.response)[200]> {
  return {
    licence: { name: licence.name, title: licence.title, path: licence.path },
    lastUpdated: openData.lastUpdated?.toISOString() ?? null,
    cycles: openData.cycles.map((c) => ({
      cycle: c.cycle,
      title: c.title,
      region: c.region,
      reviews: c.reviews,
      synthetic: c.synthetic,
      lastUpdated: c.lastUpdated.toISOString(),
      download: `/api/v1/open-data/${c.cycle}`,
    })),
  };
}
