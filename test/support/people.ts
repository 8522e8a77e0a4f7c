import type { FastifyInstance } from 'fastify';
import { upsertRegion } from '../../src/db/queries/catalogue.js';
import { buildServer } from '../../src/http/server.js';
import { createUser, signInToken } from './accounts.js';
import { PASSWORD, createWorld, type Persona, type World } from './personas.js';
import { openTestStorage, type TestStorage } from './storage.js';

/**
 * The people tests' world (invitations, disabling): the workspace personas, and two more
 * secretariats — of a region without Arab countries, and of an African region that Morocco also
 * belongs to (a country may take part in the reviews of several regions).
 */
export type Who = Persona | 'otherSecretariat' | 'africaSecretariat';

interface Grant {
  role: string;
  country: string | null;
  entity: number | null;
  disabled?: boolean;
}
interface Invitation {
  id: number;
  email: string;
  state: string;
  grant: Grant;
}
interface Person {
  id: number;
  email: string;
  disabled: boolean;
  grants: Grant[];
}
/** The answers' fields the tests read (each answer has some of them; a missing one reads undefined, and fails the expectation). */
export interface Answer {
  code: string;
  link: string;
  invitation: Invitation;
  invitations: Invitation[];
  people: Person[];
  person: Person;
}

export interface PeopleWorld {
  t: TestStorage;
  app: FastifyInstance;
  world: World;
  call(
    who: Who,
    method: 'GET' | 'POST' | 'DELETE',
    url: string,
    payload?: object,
  ): Promise<{ status: number; body: Answer }>;
  /** The status of a sign-in over the API. */
  signInStatus(email: string, password: string): Promise<number>;
  /** The audit events by or about an address. */
  auditOf(email: string): Promise<{ action: string; actor: string; country: string | null }[]>;
  /** An account's id. */
  idOf(email: string): Promise<number>;
  close(): Promise<void>;
}

export async function openPeopleWorld(): Promise<PeopleWorld> {
  const t = await openTestStorage();
  const app = await buildServer({ storage: t.storage, logLevel: 'silent' });
  const world = await createWorld(t.storage.db, app);
  const db = t.storage.db;
  await upsertRegion(db, 'test-other', { en: 'A region without Arab countries' }, ['FRA', 'ESP']);
  await upsertRegion(db, 'test-africa', { en: 'An African region' }, ['MAR', 'SEN']);
  await createUser(db, 'secretariat@other.example.org', PASSWORD, { role: 'secretariat', region: 'test-other' });
  await createUser(db, 'secretariat@africa.example.org', PASSWORD, { role: 'secretariat', region: 'test-africa' });
  const tokens: Record<Who, string> = {
    ...world.tokens,
    otherSecretariat: await signInToken(app, 'secretariat@other.example.org', PASSWORD),
    africaSecretariat: await signInToken(app, 'secretariat@africa.example.org', PASSWORD),
  };
  return {
    t,
    app,
    world,
    async call(who, method, url, payload) {
      const headers = { authorization: `Bearer ${tokens[who]}` };
      const response = await app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
      return { status: response.statusCode, body: response.json<Answer>() };
    },
    async signInStatus(email, password) {
      return (await app.inject({ method: 'POST', url: '/api/v1/session', payload: { email, password } })).statusCode;
    },
    async auditOf(email) {
      const rows = await db.selectFrom('audit_event').select(['action', 'actor', 'country', 'details']).execute();
      return rows.filter((r) => r.actor === email || JSON.stringify(r.details).includes(email));
    },
    async idOf(email) {
      return (await db.selectFrom('user_account').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
    },
    async close() {
      await app.close();
      await t.cleanup();
    },
  };
}
