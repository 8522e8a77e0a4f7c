import type { Kysely } from 'kysely';
import * as accounts from '../db/queries/accounts.js';
import * as catalogue from '../db/queries/catalogue.js';
import * as entities from '../db/queries/entities.js';
import * as invitations from '../db/queries/invitations.js';
import type { InvitationRow } from '../db/queries/invitations.js';
import type { Database } from '../db/schema.js';
import { PacteError } from '../domain/errors.js';
import type { Multilingual } from '../domain/language.js';
import { tokenDigest } from './tokens.js';

/**
 * What an invitation's link offers, for the page that accepts it: the role, the entity's name,
 * and whether an account with that address exists (the role is then added to it, no password
 * asked). A link that cannot be accepted any more is refused with its reason.
 */
export async function getInvitation(
  db: Kysely<Database>,
  token: string,
): Promise<{
  invitation: InvitationRow;
  countryName: Multilingual | null;
  entityName: string | null;
  accountExists: boolean;
}> {
  const invitation = token ? await invitations.findInvitationByToken(db, tokenDigest(token)) : undefined;
  requirePending(invitation);
  const entity = invitation.grant.entity !== null ? await entities.findEntity(db, invitation.grant.entity) : undefined;
  const country = invitation.grant.country ? await catalogue.findCountry(db, invitation.grant.country) : undefined;
  const account = await accounts.findUserByEmail(db, invitation.email);
  return {
    invitation,
    countryName: country?.name ?? null,
    entityName: entity?.name ?? null,
    accountExists: account !== undefined,
  };
}

/** The invitation, when it can still be accepted; its reason for not otherwise. */
export function requirePending(invitation: InvitationRow | undefined): asserts invitation is InvitationRow {
  if (!invitation) throw new PacteError('invitation.invalid_token');
  if (invitation.state === 'used') throw new PacteError('invitation.used');
  if (invitation.state === 'revoked') throw new PacteError('invitation.revoked');
  if (invitation.state === 'expired') throw new PacteError('invitation.expired');
}
