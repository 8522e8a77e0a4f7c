import type { Kysely } from 'kysely';
import * as invitations from '../db/queries/invitations.js';
import type { InvitationRow } from '../db/queries/invitations.js';
import type { Database } from '../db/schema.js';
import { PacteError } from '../domain/errors.js';
import type { Actor } from '../domain/permissions.js';
import { recordAudit } from './audit.js';
import { mayManage, regionsOfCountries, requirePeopleManager } from './invitation-scope.js';
import { inTransaction } from './use-case.js';

/** Withdraws a pending invitation (its link no longer works); by whoever may give its role. */
export async function revokeInvitation(db: Kysely<Database>, by: Actor | null, id: number): Promise<InvitationRow> {
  const actor = requirePeopleManager(by);
  const regionsOf = await regionsOfCountries(db);
  return inTransaction(db, async (trx) => {
    const invitation = await invitations.lockInvitation(trx, id);
    if (!invitation) throw new PacteError('invitation.not_found', { invitation: id });
    if (!mayManage(actor, invitation.grant, regionsOf)) {
      throw new PacteError('auth.forbidden', { action: 'people.manage', role: invitation.grant.role });
    }
    if (invitation.state === 'used') throw new PacteError('invitation.used');
    if (invitation.state === 'revoked') throw new PacteError('invitation.revoked');
    await invitations.markRevoked(trx, id);
    await recordAudit(trx, actor, 'invitation.revoked', {
      ...(invitation.grant.country ? { country: invitation.grant.country } : {}),
      details: { invitationId: id, email: invitation.email, role: invitation.grant.role },
    });
    return { ...invitation, state: 'revoked', revokedAt: new Date() };
  });
}
