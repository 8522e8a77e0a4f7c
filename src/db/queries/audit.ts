import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

type Db = Kysely<Database>;

export interface AuditEvent {
  id: string;
  at: Date;
  actor: string;
  action: string;
  country: string | null;
  cycle: string | null;
  questionId: string | null;
  details: Record<string, unknown>;
}

export async function insertAuditEvent(
  db: Db,
  event: Omit<AuditEvent, 'id' | 'at'> & { userId: number | null },
): Promise<void> {
  await db
    .insertInto('audit_event')
    .values({
      actor: event.actor,
      user_id: event.userId,
      action: event.action,
      country: event.country,
      cycle: event.cycle,
      question_id: event.questionId,
      details: JSON.stringify(event.details),
    })
    .execute();
}

/** The newest events first, of one review (country and cycle), one country's, one action's, or of everything. */
export async function listAuditEvents(
  db: Db,
  filter: { country?: string; cycle?: string; action?: string; limit: number; before?: string },
): Promise<AuditEvent[]> {
  let query = db
    .selectFrom('audit_event')
    .select(['id', 'at', 'actor', 'action', 'country', 'cycle', 'question_id as questionId', 'details'])
    .orderBy('id', 'desc')
    .limit(filter.limit);
  if (filter.country) query = query.where('country', '=', filter.country);
  if (filter.cycle) query = query.where('cycle', '=', filter.cycle);
  if (filter.action) query = query.where('action', '=', filter.action);
  if (filter.before) query = query.where('id', '<', filter.before);
  const rows = await query.execute();
  return rows.map((row) => ({ ...row, id: String(row.id) }));
}
