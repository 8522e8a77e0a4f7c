import type { Kysely } from 'kysely';
import * as audit from '../db/queries/audit.js';
import type { Database } from '../db/schema.js';
import type { Actor } from '../domain/permissions.js';

/**
 * The audit log: who did what and when (sign-ins, assignments, edits, status moves, exports).
 * Services record an event in the same transaction as the change it describes, so the log
 * never tells of something that did not happen. Append-only (enforced by the database).
 * Never put secrets (passwords, tokens) in `details`.
 */
export async function recordAudit(
  db: Kysely<Database>,
  actor: Actor | null,
  action: string,
  target: { country?: string; cycle?: string; questionId?: string; details?: Record<string, unknown> } = {},
): Promise<void> {
  await audit.insertAuditEvent(db, {
    actor: actor?.name ?? 'anonymous',
    userId: actor?.userId ?? null,
    action,
    country: target.country ?? null,
    cycle: target.cycle ?? null,
    questionId: target.questionId ?? null,
    details: target.details ?? {},
  });
}
