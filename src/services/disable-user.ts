import type { Kysely } from 'kysely';
import * as accounts from '../db/queries/accounts.js';
import * as people from '../db/queries/people.js';
import type { Person } from '../db/queries/people.js';
import type { Database } from '../db/schema.js';
import { PacteError } from '../domain/errors.js';
import type { Actor } from '../domain/permissions.js';
import { recordAudit } from './audit.js';
import { mayManage, regionsOfCountries, requirePeopleManager } from './invitation-scope.js';
import { inTransaction } from './use-case.js';

/**
 * Disables the roles of an account that the actor manages (a secretariat: its region's focal
 * points and validators; a focal point: its country's contributors and stakeholders; an
 * administrator: all), when someone leaves. Roles given by others stay. An account left with no
 * enabled role is disabled: it can no longer sign in and its sessions end at once. Audited per
 * country, in the transaction of the change. Answers the person with the roles the actor manages.
 */
export async function disableUser(db: Kysely<Database>, by: Actor | null, userId: number): Promise<Person> {
  return switchManagedRoles(db, by, userId, true);
}

/** Disables (or enables) the roles of the account the actor manages; the account follows. */
export async function switchManagedRoles(
  db: Kysely<Database>,
  by: Actor | null,
  userId: number,
  disable: boolean,
): Promise<Person> {
  const actor = requirePeopleManager(by);
  const regionsOf = await regionsOfCountries(db);
  return inTransaction(db, async (trx) => {
    const person = await people.lockPerson(trx, userId);
    if (!person) throw new PacteError('person.not_found', { user: userId });
    const managed = person.grants.filter((g) => mayManage(actor, g, regionsOf));
    if (managed.length === 0) throw new PacteError('auth.forbidden', { action: 'people.manage', user: userId });
    for (const grant of managed) await people.setGrantDisabled(trx, userId, grant, disable);
    const enabledLeft = person.grants.some((g) => (managed.includes(g) ? !disable : !g.disabled));
    await people.setAccountDisabled(trx, userId, !enabledLeft);
    if (!enabledLeft) await accounts.deleteUserSessions(trx, userId);
    const countries = [...new Set(managed.map((g) => g.country))];
    for (const country of countries) {
      await recordAudit(trx, actor, disable ? 'user.disabled' : 'user.enabled', {
        ...(country ? { country } : {}),
        details: {
          userId,
          email: person.email,
          roles: managed
            .filter((g) => g.country === country)
            .map((g) => ({ role: g.role, entity: g.entity, region: g.region })),
          accountDisabled: !enabledLeft,
        },
      });
    }
    // What the caller may know: its own roles of the person, as they are now (as listPeople shows them).
    const after = (await people.lockPerson(trx, userId))!;
    return { ...after, grants: after.grants.filter((g) => mayManage(actor, g, regionsOf)) };
  });
}
