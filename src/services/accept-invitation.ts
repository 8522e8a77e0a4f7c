import { hash } from '@node-rs/argon2';
import type { Kysely } from 'kysely';
import * as accounts from '../db/queries/accounts.js';
import * as invitations from '../db/queries/invitations.js';
import * as people from '../db/queries/people.js';
import type { Database } from '../db/schema.js';
import { checkDisplayName } from '../domain/display-name.js';
import { checkPassword } from '../domain/password.js';
import type { Grant } from '../domain/permissions.js';
import { recordAudit } from './audit.js';
import { requirePending } from './get-invitation.js';
import { tokenDigest } from './tokens.js';
import { inTransaction } from './use-case.js';

/**
 * Accepts an invitation, once: a new account is created with the password chosen; an existing
 * account with the invitation's address gets the role added (its password is not asked nor
 * changed, and a disabled account or role is enabled again). Expired, used and revoked links
 * are refused with their codes. The invitation is locked while it is used, so two requests
 * with one link make one account.
 */
export async function acceptInvitation(
  db: Kysely<Database>,
  token: string,
  password: string | undefined,
  displayName?: string | undefined,
  /** The acceptance page asks the person's name for a new account; API clients may give it. */
  nameRequired = false,
): Promise<{ userId: number; email: string; created: boolean; grant: Grant }> {
  const tokenHash = tokenDigest(token);
  const first = token ? await invitations.findInvitationByToken(db, tokenHash) : undefined;
  requirePending(first);
  const known = await accounts.findUserByEmail(db, first.email);
  // argon2 takes a while: outside the transaction, and only when an account is to be created.
  let passwordHash: string | undefined;
  if (!known) checkPassword(password ?? '');
  // A new account is named by the person it is for (shown instead of its address); an existing one keeps its own unless given.
  const name = checkDisplayName(displayName, nameRequired && !known);
  if (!known) passwordHash = await hash(password ?? '');
  return inTransaction(db, async (trx) => {
    const invitation = await invitations.lockInvitationByToken(trx, tokenHash);
    requirePending(invitation);
    const existing = await accounts.findUserByEmail(trx, invitation.email);
    if (!existing && !passwordHash) checkPassword(''); // the account went meanwhile: a password is needed
    // Without a name typed, a new account takes the one the inviter gave (migration 029).
    const userId =
      existing?.id ?? (await accounts.insertUser(trx, invitation.email, passwordHash ?? '', name ?? invitation.name));
    if (existing && name) await accounts.setDisplayName(trx, existing.id, name);
    await accounts.addGrant(trx, userId, invitation.grant);
    if (existing) {
      await people.setGrantDisabled(trx, userId, invitation.grant, false);
      await people.setAccountDisabled(trx, userId, false);
    }
    await invitations.markUsed(trx, invitation.id, userId);
    const grant = invitation.grant;
    await recordAudit(trx, { userId, name: invitation.email, grants: [] }, 'invitation.accepted', {
      ...(grant.country ? { country: grant.country } : {}),
      details: {
        invitationId: invitation.id,
        userId,
        created: !existing,
        role: grant.role,
        region: grant.region,
        entity: grant.entity,
      },
    });
    return { userId, email: existing?.email ?? invitation.email, created: !existing, grant };
  });
}
