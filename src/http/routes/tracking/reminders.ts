import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Db } from '../../../db/connection.js';
import type { Mailer } from '../../../services/send-mail.js';
import { sendReminders } from '../../../services/send-reminders.js';
import { sendRemindersSchema } from './schema.js';

/** Reminders of a cycle's due date, from its region's secretariat (e-mailed through `mailer` if any). */
export function reminderRoutes(app: FastifyInstance, db: Db, mailer: Mailer | undefined) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  api.post('/api/v1/cycles/:cycle/reminders', { schema: sendRemindersSchema }, async (request) =>
    sendReminders(db, request.actor, request.params.cycle, request.body, mailer),
  );
}
