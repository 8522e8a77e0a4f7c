import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { exportOpenData, OPEN_DATA_LICENCE } from '../../../services/export-open-data.js';
import { listOpenData } from '../../../services/list-open-data.js';
import { getReview } from '../../../services/get-review.js';
import { listReviewVersions } from '../../../services/list-review-versions.js';
import type { Db } from '../../../db/connection.js';
import { sendDownload } from '../../download.js';
import { presentOpenData, presentVersion, versionPage } from '../../presenters/publications.js';
import { presentReview } from '../../presenters/reviews.js';
import {
  downloadOpenDataSchema,
  getReviewVersionSchema,
  listOpenDataSchema,
  listReviewVersionsSchema,
} from './schema.js';

/** Published versions of reviews, and open data: what the public may take away. */
export function publicationRoutes(app: FastifyInstance, db: Db) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  api.get('/api/v1/reviews/:country/:cycle/versions', { schema: listReviewVersionsSchema }, async (request) => {
    const { country, cycle, versions } = await listReviewVersions(
      db,
      request.actor,
      request.params.country,
      request.params.cycle,
    );
    return { country, cycle, versions: versions.map((version) => presentVersion(country, cycle, version)) };
  });

  api.get('/api/v1/reviews/:country/:cycle/versions/:version', { schema: getReviewVersionSchema }, async (request) => {
    const { country, cycle, version } = request.params;
    return presentReview(await getReview(db, request.actor, country, cycle, version));
  });

  api.get('/api/v1/open-data', { schema: listOpenDataSchema }, async () =>
    presentOpenData(OPEN_DATA_LICENCE, await listOpenData(db)),
  );

  api.get('/api/v1/open-data/:cycle', { schema: downloadOpenDataSchema }, async (request, reply) => {
    const file = await exportOpenData(db, request.params.cycle, versionPage);
    const zip = { ...file, mediaType: 'application/zip' };
    return sendDownload(reply.header('last-modified', file.lastUpdated.toUTCString()), zip, 'public, max-age=300');
  });
}
