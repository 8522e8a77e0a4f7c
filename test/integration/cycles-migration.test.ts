import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR } from '../../src/config.js';
import { openStorage, type Storage } from '../../src/db/connection.js';
import { migrate } from '../../src/db/migrate.js';
import { readCatalogue } from '../../src/services/load-catalogue.js';
import { createEmptyDatabase, type EmptyDatabase } from '../support/empty-database.js';

/**
 * Migration 016 on a database that already has arab-2021 and reviews (an upgrade, not a fresh
 * start, where load-catalogue.ts makes the cycle): the cycle gets the 2020–21 round's settings,
 * the League's members take part, and so does any country that already has a review in it.
 */
let empty: EmptyDatabase;
let storage: Storage;
let before: string;

beforeAll(async () => {
  empty = await createEmptyDatabase();
  storage = await openStorage({
    dataDir: empty.env.PACTE_DATA_DIR ?? mkdtempSync(join(tmpdir(), 'pacte-unused-')),
    databaseUrl: empty.env.DATABASE_URL,
    command: 'test',
  });
  // The migrations before 016, as a database of the previous release has them.
  before = mkdtempSync(join(tmpdir(), 'pacte-migrations-'));
  for (const file of readdirSync(MIGRATIONS_DIR).filter((f) => f < '016')) {
    cpSync(join(MIGRATIONS_DIR, file), join(before, file));
  }
  await migrate(storage, before);
  const { cycle, questionnaire } = readCatalogue();
  await sql`insert into country (code, alpha2, name) values ('MAR', 'MA', '{}'), ('TUN', 'TN', '{}'), ('FRA', 'FR', '{}')`.execute(
    storage.db,
  );
  await sql`insert into region (id, name) values ('arab', '{"en": "Arab region"}')`.execute(storage.db);
  await sql`insert into region_member values ('arab', 'MAR'), ('arab', 'TUN')`.execute(storage.db);
  await sql`insert into questionnaire (id, version, title, source_language)
    values (${questionnaire.id}, ${questionnaire.version}, '{}', 'fr')`.execute(storage.db);
  await sql`insert into cycle (id, region_id, title, questionnaire_id, questionnaire_version, starts_on)
    values (${cycle.id}, 'arab', '{}', ${questionnaire.id}, ${questionnaire.version}, ${cycle.opensOn})`.execute(
    storage.db,
  );
  // France is no member of the League; its review stays, so France takes part.
  for (const country of ['MAR', 'FRA']) {
    await sql`insert into review (country_code, cycle_id, language, title)
      values (${country}, ${cycle.id}, 'fr', 'Examen')`.execute(storage.db);
  }
  await migrate(storage, MIGRATIONS_DIR);
}, 120_000);
afterAll(async () => {
  await storage?.close();
  await empty?.cleanup();
  if (before) rmSync(before, { recursive: true, force: true });
});

describe('migration 016 on an existing database', () => {
  it('gives arab-2021 the 2020–21 round, closed, accepting late submissions', async () => {
    const { rows } = await sql<{ opens: string; due: string; state: string; late: string }>`
      select opens_on::text as opens, due_on::text as due, state, late_submissions as late from cycle`.execute(
      storage.db,
    );
    expect(rows).toEqual([{ opens: '2020-06-25', due: '2021-02-24', state: 'closed', late: 'accept' }]);
  });

  it('makes the region’s members and every country with a review in it participants', async () => {
    const rows = await storage.db.selectFrom('cycle_country').select('country_code').orderBy('country_code').execute();
    expect(rows.map((r) => r.country_code)).toEqual(['FRA', 'MAR', 'TUN']);
  });
});
