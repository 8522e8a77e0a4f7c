import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Kysely } from 'kysely';
import { DEMO_DIR } from '../config.js';
import * as entities from '../db/queries/entities.js';
import * as publications from '../db/queries/publications.js';
import * as reviews from '../db/queries/reviews.js';
import type { Database } from '../db/schema.js';
import type { EntityCategory } from '../domain/entities.js';
import { operator, type Role } from '../domain/permissions.js';
import { addUser } from './add-user.js';
import { addEntity } from './add-entity.js';
import * as demoRegion from '../db/queries/demo-region.js';
import { generateDemoRegion } from './generate-demo-region.js';
import { importReview, type ImportResult } from './import-review.js';
import { moveReview } from './move-review.js';

/**
 * The demo: Morocco's review of the Arab-region 2020–21 cycle (the seed), with the entities and
 * one account per role of the workspace. The seed is the review as Morocco published it, so the
 * public portal shows it as version 1; Morocco's team works on a draft of its next version.
 */
export const DEMO_FILE = `${DEMO_DIR}/morocco-arab-2021.fr.txt`;
const DEMO_REVIEW = { country: 'MAR', cycle: 'arab-2021' };

export async function importDemo(db: Kysely<Database>): Promise<ImportResult> {
  const actor = operator('demo');
  const result = await importReview(db, {
    bytes: readFileSync(DEMO_FILE),
    file: 'demo/morocco-arab-2021.fr.txt',
    ...DEMO_REVIEW,
    dryRun: false,
    actor,
  });
  const review = await reviews.findReview(db, DEMO_REVIEW.country, DEMO_REVIEW.cycle);
  if (review && review.status !== 'published' && (await publications.listVersions(db, review.id)).length === 0) {
    await moveReview(db, actor, DEMO_REVIEW, { to: 'published' });
    await moveReview(db, actor, DEMO_REVIEW, { to: 'draft', reason: 'Démonstration : préparation de la mise à jour' });
  }
  return result;
}

/**
 * The fictional region a newcomer's secretariat account follows (docs/regional.md, « The demo
 * region »): 22 fictional countries, 18 submitted, a closed and an open cycle. Generated on the
 * first demo start only (it takes a while on two cores); later starts find it. Returns whether it
 * was generated now.
 */
export const DEMO_REGION = { id: 'demo', countries: 22, submitted: 18, cycles: 2 };

export async function ensureDemoRegion(db: Kysely<Database>): Promise<boolean> {
  if (await demoRegion.findRegionFlag(db, DEMO_REGION.id)) return false;
  await generateDemoRegion(db, DEMO_REGION);
  return true;
}

export interface DemoAccount {
  email: string;
  password: string;
  role: string;
}

/** Entities of the seed's own list of participants (section I), and one of civil society. */
const DEMO_ENTITIES: Record<'interior' | 'planning' | 'association', { name: string; category: EntityCategory }> = {
  interior: { name: "Ministère de l'Intérieur", category: 'government' },
  planning: { name: 'Haut-Commissariat au Plan', category: 'public_institution' },
  association: { name: "Association marocaine d'aide aux migrants", category: 'migrant_association' },
};

/**
 * Demo accounts, with new random passwords at every demo start (printed once by `serve --demo`):
 * a demo never runs with a password someone could know in advance.
 */
export async function resetDemoAccounts(db: Kysely<Database>): Promise<DemoAccount[]> {
  const ids = await demoEntities(db);
  // Fictional people, named as colleagues would name them (« (démo) »: nobody real), not by their role.
  const accounts: (DemoAccount & {
    name: string;
    grant: { country?: string; region?: string; entity?: number };
  })[] = [
    { email: 'admin@demo.pacte.local', name: 'Claire Dumas (démo)', role: 'admin', grant: {} },
    {
      email: 'secretariat@demo.pacte.local',
      name: 'Rania Haddad (démo)',
      role: 'secretariat',
      grant: { region: 'arab' },
    },
    {
      email: 'focal.point.mar@demo.pacte.local',
      name: 'Nadia Benali (démo)',
      role: 'focal_point',
      grant: { country: 'MAR' },
    },
    {
      email: 'validator.mar@demo.pacte.local',
      name: 'Youssef El Idrissi (démo)',
      role: 'validator',
      grant: { country: 'MAR' },
    },
    {
      email: 'contributor.interieur@demo.pacte.local',
      name: 'Karim Tazi (démo)',
      role: 'contributor',
      grant: { country: 'MAR', entity: ids.interior },
    },
    {
      email: 'contributor.hcp@demo.pacte.local',
      name: 'Salma Ouazzani (démo)',
      role: 'contributor',
      grant: { country: 'MAR', entity: ids.planning },
    },
    {
      email: 'stakeholder.association@demo.pacte.local',
      name: 'Amina Diallo (démo)',
      role: 'stakeholder',
      grant: { country: 'MAR', entity: ids.association },
    },
    ...(await regionAccounts(db)),
  ].map((a) => ({ ...a, password: randomPassword() }));
  for (const account of accounts) {
    await addUser(db, operator('demo'), {
      email: account.email,
      name: account.name,
      password: account.password,
      grant: { role: account.role as Role, ...account.grant },
    });
  }
  return accounts.map(({ email, password, role }) => ({ email, password, role }));
}

/**
 * With the demo region: its secretariat, and the focal point of its first fictional country (whose
 * review is submitted), listed after Morocco's accounts so that a role's first account stays Morocco's.
 */
async function regionAccounts(db: Kysely<Database>) {
  if (!(await demoRegion.findRegionFlag(db, DEMO_REGION.id))) return [];
  const first = (await demoRegion.regionCountries(db, DEMO_REGION.id))[0];
  return [
    {
      email: 'secretariat.demo@demo.pacte.local',
      name: 'Omar Khalil (démo)',
      role: 'secretariat',
      grant: { region: DEMO_REGION.id },
    },
    ...(first
      ? [
          {
            email: `focal.point.${first.toLowerCase()}@demo.pacte.local`,
            name: 'Leïla Mansour (démo)',
            role: 'focal_point',
            grant: { country: first },
          },
        ]
      : []),
  ];
}

/** The demo entities' ids, created on the first demo start. */
async function demoEntities(db: Kysely<Database>): Promise<Record<keyof typeof DEMO_ENTITIES, number>> {
  const existing = await entities.listEntities(db, ['MAR']);
  const ids = {} as Record<keyof typeof DEMO_ENTITIES, number>;
  for (const [key, entity] of Object.entries(DEMO_ENTITIES) as [
    keyof typeof DEMO_ENTITIES,
    (typeof DEMO_ENTITIES)['interior'],
  ][]) {
    ids[key] =
      existing.find((e) => e.name === entity.name)?.id ??
      (await addEntity(db, operator('demo'), { country: 'MAR', ...entity })).id;
  }
  return ids;
}

function randomPassword(): string {
  return randomBytes(12).toString('base64url');
}
