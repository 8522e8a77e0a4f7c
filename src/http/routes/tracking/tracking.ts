import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Db } from '../../../db/connection.js';
import { getTracking, type TrackingQuery } from '../../../services/get-tracking.js';
import { shareTrackingProgress } from '../../../services/share-tracking-progress.js';
import { trackingCsv } from '../../../services/tracking-csv.js';
import { sendDownload } from '../../download.js';
import { presentTracking } from '../../presenters/tracking.js';
import { getTrackingCsvSchema, getTrackingSchema, shareProgressSchema } from './schema.js';

const query = (q: { sort?: TrackingQuery['sort']; state?: TrackingQuery['state']; overdue?: 'true' | 'false' }) => ({
  sort: q.sort,
  state: q.state,
  overdue: q.overdue === undefined ? undefined : q.overdue === 'true',
});

/** Where each country of a cycle stands, for its region's secretariat: as JSON and as CSV. */
export function trackingRoutes(app: FastifyInstance, db: Db) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  api.get('/api/v1/cycles/:cycle/tracking', { schema: getTrackingSchema }, async (request) =>
    presentTracking(await getTracking(db, request.actor, request.params.cycle, query(request.query))),
  );
  api.get('/api/v1/cycles/:cycle/tracking.csv', { schema: getTrackingCsvSchema }, async (request, reply) => {
    const tracking = await getTracking(db, request.actor, request.params.cycle, query(request.query));
    return sendDownload(reply, { ...trackingCsv(tracking), mediaType: 'text/csv; charset=utf-8' });
  });
  api.put('/api/v1/reviews/:country/:cycle/progress-sharing', { schema: shareProgressSchema }, async (request) =>
    shareTrackingProgress(db, request.actor, request.params, request.body.share),
  );
}
