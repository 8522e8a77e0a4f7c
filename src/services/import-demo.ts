import { readFileSync } from 'node:fs';
import type { Kysely } from 'kysely';
import { DEMO_DIR } from '../config.js';
import type { Database } from '../db/schema.js';
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
    actor: 'demo',
  });
}
