import type { FastifyInstance } from 'fastify';
import { exportOpenData, listOpenData, OPEN_DATA_LICENCE } from '../../../services/export-open-data.js';
import { getReview } from '../../../services/get-review.js';
import { listReviewVersions } from '../../../services/list-review-versions.js';
import type { Db } from '../../../services/storage.js';
import { sendDownload } from '../../download.js';
import { downloadOpenDataSchema, getVersionSchema, listOpenDataSchema, listVersionsSchema } from './schema.js';

/** Published versions of reviews, and open data: what the public may take away. */
export function publicationRoutes(app: FastifyInstance, db: Db) {
  app.get<{ Params: { country: string; cycle: string } }>(
    '/api/v1/reviews/:country/:cycle/versions',
    { schema: listVersionsSchema },
    async (request) => {
      const { country, cycle, versions } = await listReviewVersions(
        db,
        request.actor,
        request.params.country,
        request.params.cycle,
      );
      return {
        country,
        cycle,
        versions: versions.map((v) => ({
          version: v.version,
          publishedAt: v.publishedAt.toISOString(),
          url: `/api/v1/reviews/${country}/${cycle}/versions/${v.version}`,
          page: `/reviews/${country}/${cycle}/versions/${v.version}`,
        })),
      };
    },
  );

  app.get<{ Params: { country: string; cycle: string; version: number } }>(
    '/api/v1/reviews/:country/:cycle/versions/:version',
    { schema: getVersionSchema },
    async (request) => {
      const { country, cycle, version } = request.params;
      return getReview(db, request.actor, country, cycle, version);
    },
  );

  app.get('/api/v1/open-data', { schema: listOpenDataSchema }, async () => {
    const { lastUpdated, cycles } = await listOpenData(db);
    return {
      licence: OPEN_DATA_LICENCE,
      lastUpdated: lastUpdated?.toISOString() ?? null,
      cycles: cycles.map((c) => ({
        ...c,
        lastUpdated: c.lastUpdated.toISOString(),
        download: `/api/v1/open-data/${c.cycle}`,
      })),
    };
  });

  app.get<{ Params: { cycle: string } }>(
    '/api/v1/open-data/:cycle',
    { schema: downloadOpenDataSchema },
    async (request, reply) => {
      const file = await exportOpenData(db, request.params.cycle);
      const zip = { ...file, mediaType: 'application/zip' };
      return sendDownload(reply.header('last-modified', file.lastUpdated.toUTCString()), zip, 'public, max-age=300');
    },
  );
}
