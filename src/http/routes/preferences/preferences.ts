import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../../db/connection.js';
import { getMailPreferences } from '../../../services/get-mail-preferences.js';
import { setMailPreferences } from '../../../services/set-mail-preferences.js';
import { getPreferencesSchema, setPreferencesSchema } from './schema.js';

/** The signed-in person's own preferences: how they receive Pacte's e-mail. */
export function preferenceRoutes(app: FastifyInstance, db: Db) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  api.get('/api/v1/session/preferences', { schema: getPreferencesSchema }, async (request) =>
    getMailPreferences(db, request.actor),
  );
  api.put('/api/v1/session/preferences', { schema: setPreferencesSchema }, async (request) =>
    setMailPreferences(db, request.actor, request.body),
  );
}
