import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Db } from '../../../db/connection.js';
import { getCountryChange } from '../../../services/get-country-change.js';
import { getRegionChange } from '../../../services/get-region-change.js';
import { regionChangeCsv } from '../../../services/region-change-csv.js';
import { sendDownload } from '../../download.js';
import { requestLanguage } from '../../problem.js';
import { presentCountryChange, presentRegionChange } from '../../presenters/changes.js';
import { getCountryChangeSchema, getRegionChangeCsvSchema, getRegionChangeSchema } from './schema.js';

/** The change between two cycles: one country's, and the region's table (JSON and CSV). */
export function changeRoutes(app: FastifyInstance, db: Db) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  api.get('/api/v1/reviews/:country/changes', { schema: getCountryChangeSchema }, async (request) => {
    const { from, to } = request.query;
    const target = { country: request.params.country, from, to };
    return presentCountryChange(await getCountryChange(db, request.actor, target, requestLanguage(request)));
  });
  api.get('/api/v1/cycles/:cycle/changes', { schema: getRegionChangeSchema }, async (request) =>
    presentRegionChange(
      await getRegionChange(db, request.actor, { cycle: request.params.cycle, from: request.query.from }),
    ),
  );
  api.get('/api/v1/cycles/:cycle/changes.csv', { schema: getRegionChangeCsvSchema }, async (request, reply) => {
    const change = await getRegionChange(db, request.actor, { cycle: request.params.cycle, from: request.query.from });
    return sendDownload(reply, { ...regionChangeCsv(change), mediaType: 'text/csv; charset=utf-8' });
  });
}
