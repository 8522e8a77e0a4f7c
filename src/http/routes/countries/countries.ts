import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../../db/connection.js';
import { nameAuthors } from '../../../services/author-names.js';
import { getCountrySettings } from '../../../services/get-country-settings.js';
import { setCountrySettingsFor } from '../../../services/set-country-settings.js';
import { requestLanguage } from '../../problem.js';
import { getCountrySettingsSchema, setCountrySettingsSchema } from './schema.js';

/** What an administrator sets for one country: the waiver of the separation of duties. */
export function countryRoutes(app: FastifyInstance, db: Db) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  api.get('/api/v1/countries/:country/settings', { schema: getCountrySettingsSchema }, async (request) => {
    const settings = await getCountrySettings(db, request.actor, request.params.country);
    const nameOf = await nameAuthors(
      db,
      requestLanguage(request),
      settings.changes.map((c) => c.actor),
    );
    return {
      ...settings,
      changes: settings.changes.map((c) => ({ ...c, at: c.at.toISOString(), actorName: nameOf(c.actor) })),
    };
  });
  api.put('/api/v1/countries/:country/settings', { schema: setCountrySettingsSchema }, async (request) =>
    setCountrySettingsFor(db, request.actor, request.params.country, request.body),
  );
}
