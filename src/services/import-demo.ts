import { readFileSync } from 'node:fs';
import type { Kysely } from 'kysely';
import { DEMO_DIR } from '../config.js';
import type { Database } from '../db/schema.js';
import { randomBytes } from 'node:crypto';
import { operator, type Role } from '../domain/permissions.js';
import { addUser } from './accounts.js';
import { importReview, type ImportResult } from './import-review.js';

/** The demo: Morocco's review of the Arab-region 2020–21 cycle (the seed), imported as is. */
export const DEMO_FILE = `${DEMO_DIR}/morocco-arab-2021.fr.txt`;

export async function importDemo(db: Kysely<Database>): Promise<ImportResult> {
  return importReview(db, {
    bytes: readFileSync(DEMO_FILE),
    file: 'demo/morocco-arab-2021.fr.txt',
    country: 'MAR',
    cycle: 'arab-2021',
    dryRun: false,
    actor: operator('demo'),
  });
}

export interface DemoAccount {
  email: string;
  password: string;
  role: string;
}

/**
 * Demo accounts, with new random passwords at every demo start (printed once by `serve --demo`):
 * a demo never runs with a password someone could know in advance.
 */
export async function resetDemoAccounts(db: Kysely<Database>): Promise<DemoAccount[]> {
  const accounts: (DemoAccount & { country?: string })[] = [
    { email: 'admin@demo.pacte.local', password: randomPassword(), role: 'admin' },
    { email: 'focal.point.mar@demo.pacte.local', password: randomPassword(), role: 'focal_point', country: 'MAR' },
  ];
  for (const account of accounts) {
    await addUser(db, operator('demo'), {
      email: account.email,
      password: account.password,
      grant: { role: account.role as Role, country: account.country },
    });
  }
  return accounts.map(({ email, password, role }) => ({ email, password, role: role }));
}

function randomPassword(): string {
  return randomBytes(12).toString('base64url');
}
