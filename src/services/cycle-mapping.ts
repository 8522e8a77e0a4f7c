import type { Kysely } from 'kysely';
import * as catalogue from '../db/queries/catalogue.js';
import { findMappingRows } from '../db/queries/question-mappings.js';
import type { Database } from '../db/schema.js';
import type { Cycle } from '../domain/cycles.js';
import { pairs, resolveMapping } from '../domain/question-mapping.js';

/**
 * The one-to-one view of the stored mapping from the earlier cycle's questionnaire version onto
 * the later one's, for the change between cycles (docs/regional.md): earlier question → the later
 * question it is compared with (the first of a split), or null when it has no successor (so it is
 * never compared with a later question that merely shares its id). Two cycles on the same version
 * map by id: {}.
 */
export async function changeMapping(
  db: Kysely<Database>,
  earlier: Cycle,
  later: Cycle,
): Promise<Record<string, string | null>> {
  const from = { id: earlier.questionnaireId, version: earlier.questionnaireVersion };
  const to = { id: later.questionnaireId, version: later.questionnaireVersion };
  if (from.id === to.id && from.version === to.version) return {};
  const [a, b, rows] = await Promise.all([
    catalogue.findQuestionnaire(db, from.id, from.version),
    catalogue.findQuestionnaire(db, to.id, to.version),
    findMappingRows(db, from, to),
  ]);
  if (!a || !b) return {};
  const map = resolveMapping(a, b, rows);
  return { ...Object.fromEntries([...map.keys()].map((id) => [id, null])), ...pairs(map) };
}
