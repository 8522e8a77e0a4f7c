import type { Kysely } from 'kysely';
import * as invitations from '../db/queries/invitations.js';
import type { InvitationRow } from '../db/queries/invitations.js';
import type { Database } from '../db/schema.js';
import type { Actor } from '../domain/permissions.js';
import { mayManage, regionsOfCountries, requirePeopleManager } from './invitation-scope.js';

/** The pending invitations to the roles the actor manages (a secretariat's region, a focal point's country). */
export async function listInvitations(db: Kysely<Database>, by: Actor | null): Promise<InvitationRow[]> {
  const actor = requirePeopleManager(by);
  const regionsOf = await regionsOfCountries(db);
  return (await invitations.listPending(db)).filter((i) => mayManage(actor, i.grant, regionsOf));
}
