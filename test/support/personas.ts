import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/schema.js';
import { operator } from '../../src/domain/permissions.js';
import { addEntity } from '../../src/services/add-entity.js';
import { importReview } from '../../src/services/import-review.js';
import { createUser, signInToken } from './accounts.js';
import { seedBytes } from './pacte.js';

/**
 * Named people of the workspace tests, one per role and scope: Morocco's team (focal point,
 * validator, two ministries' contributors, a migrant association's stakeholder), Tunisia's
 * focal point, the Arab region's secretariat and an administrator. Morocco's review is the
 * seed, imported as a draft.
 */
export const PASSWORD = 'correct horse battery staple';
export const PERSONAS = {
  admin: { email: 'admin@example.org' },
  secretariat: { email: 'secretariat@escwa.example.org' },
  focal: { email: 'focal@mar.example.org' },
  validator: { email: 'validator@mar.example.org' },
  contributorA: { email: 'interieur@mar.example.org' },
  contributorB: { email: 'hcp@mar.example.org' },
  stakeholder: { email: 'association@mar.example.org' },
  focalTun: { email: 'focal@tun.example.org' },
} as const;
export type Persona = keyof typeof PERSONAS;

export interface World {
  entities: { interior: number; planning: number; association: number; tunisia: number };
  tokens: Record<Persona, string>;
  /** The Authorization header of a persona (API clients send a bearer token). */
  as: (who: Persona | 'anonymous') => Record<string, string>;
}

export async function createWorld(db: Kysely<Database>, app: FastifyInstance): Promise<World> {
  await importReview(db, {
    bytes: seedBytes(),
    file: 'morocco.txt',
    country: 'MAR',
    cycle: 'arab-2021',
    dryRun: false,
    actor: operator('test'),
  });
  const entity = async (country: string, name: string, category: string) =>
    (await addEntity(db, operator('test'), { country, name, category })).id;
  const entities = {
    interior: await entity('MAR', "Ministère de l'Intérieur", 'government'),
    planning: await entity('MAR', 'Haut-Commissariat au Plan', 'public_institution'),
    association: await entity('MAR', 'Association des migrants', 'migrant_association'),
    tunisia: await entity('TUN', 'Ministère des Affaires sociales', 'government'),
  };
  const grants: Record<Persona, Parameters<typeof createUser>[3]> = {
    admin: { role: 'admin' },
    secretariat: { role: 'secretariat', region: 'arab' },
    focal: { role: 'focal_point', country: 'MAR' },
    validator: { role: 'validator', country: 'MAR' },
    contributorA: { role: 'contributor', country: 'MAR', entity: entities.interior },
    contributorB: { role: 'contributor', country: 'MAR', entity: entities.planning },
    stakeholder: { role: 'stakeholder', country: 'MAR', entity: entities.association },
    focalTun: { role: 'focal_point', country: 'TUN' },
  };
  const tokens = {} as Record<Persona, string>;
  for (const who of Object.keys(PERSONAS) as Persona[]) {
    await createUser(db, PERSONAS[who].email, PASSWORD, grants[who]);
    tokens[who] = await signInToken(app, PERSONAS[who].email, PASSWORD);
  }
  return {
    entities,
    tokens,
    as: (who): Record<string, string> => (who === 'anonymous' ? {} : { authorization: `Bearer ${tokens[who]}` }),
  };
}

/**
 * One more signed-in person beyond the world's personas (say, a contributor of an entity with
 * nothing assigned): the account is created with PASSWORD and `grant`; returns the session
 * token, to send as a bearer token or as the session cookie.
 */
export async function addPerson(
  db: Kysely<Database>,
  app: FastifyInstance,
  email: string,
  grant: Parameters<typeof createUser>[3],
): Promise<string> {
  await createUser(db, email, PASSWORD, grant);
  return signInToken(app, email, PASSWORD);
}
