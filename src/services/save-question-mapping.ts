/**
 * The mapping of an earlier version's questions onto a later one (docs/questionnaires.md
 * « Mapping »): `GET` says, question by question, how answers follow (same question, moved,
 * split, merged, no successor, and whether typed values follow too); `PUT` replaces the stored
 * rows, checked by resolveMapping, by the later version's secretariat while it is not frozen.
 */
import type { Kysely } from 'kysely';
import * as catalogue from '../db/queries/catalogue.js';
import { findMappingRows, replaceMappingRows, type VersionKey } from '../db/queries/question-mappings.js';
import type { Database } from '../db/schema.js';
import { PacteError } from '../domain/errors.js';
import { resolveMapping, type MappingRow } from '../domain/question-mapping.js';
import { kindOf, questionsOf, type Question, type Questionnaire } from '../domain/questionnaire.js';
import type { Actor } from '../domain/permissions.js';
import { recordAudit } from './audit.js';
import { editableVersion, visibleVersion } from './questionnaire-access.js';
import { inTransaction } from './use-case.js';

export type Follows = 'same' | 'moved' | 'split' | 'merge' | 'none';

export interface QuestionMappingView {
  from: VersionKey;
  to: VersionKey;
  /** Whether rows are stored; none: the pair maps by question id. */
  stored: boolean;
  rows: MappingRow[];
  questions: { question: string; to: string[]; follows: Follows; valuesFollow: boolean }[];
  /** Later questions no earlier answer goes to: they start empty. */
  newQuestions: string[];
}

/** `id@version` → its key; the later version's own `basedOn` when not given. */
function earlierKey(later: Questionnaire, from: string | undefined): VersionKey {
  const match = from === undefined ? null : /^([a-z0-9-]{1,64})@([1-9][0-9]{0,5})$/u.exec(from);
  if (match) return { id: match[1]!, version: Number(match[2]) };
  if (from === undefined && later.basedOn) return { id: later.id, version: later.basedOn };
  throw new PacteError('questionnaire.invalid_mapping', { reason: 'unknown_from', question: from ?? '—' });
}

/** Whether a typed answer to `from` still fits each of `to` (same kind, options kept). */
function valuesFollow(from: Question, to: Question[]): boolean {
  if (kindOf(from) === 'text') return true;
  const options = (from.choices ?? []).map((c) => c.id);
  return to.every(
    (t) => kindOf(t) === kindOf(from) && options.every((id) => (t.choices ?? []).some((c) => c.id === id)),
  );
}

function describe(earlier: Questionnaire, later: Questionnaire, rows: MappingRow[]): QuestionMappingView {
  const map = resolveMapping(earlier, later, rows);
  const laterById = new Map(questionsOf(later).map((q) => [q.id, q]));
  const sources = new Map<string, number>();
  for (const targets of map.values()) for (const t of targets) sources.set(t, (sources.get(t) ?? 0) + 1);
  const questions = questionsOf(earlier).map((q) => {
    const to = [...(map.get(q.id) ?? [])];
    const follows: Follows =
      to.length === 0
        ? 'none'
        : to.length > 1
          ? 'split'
          : (sources.get(to[0]!) ?? 0) > 1
            ? 'merge'
            : to[0] === q.id
              ? 'same'
              : 'moved';
    const merged = follows === 'merge' && kindOf(q) !== 'text';
    return {
      question: q.id,
      to,
      follows,
      valuesFollow:
        !merged &&
        valuesFollow(
          q,
          to.map((t) => laterById.get(t)!),
        ),
    };
  });
  return {
    from: { id: earlier.id, version: earlier.version },
    to: { id: later.id, version: later.version },
    stored: rows.length > 0,
    rows,
    questions,
    newQuestions: questionsOf(later)
      .map((q) => q.id)
      .filter((id) => !sources.has(id)),
  };
}

async function versions(db: Kysely<Database>, actor: Actor | null, id: string, version: number, from?: string) {
  await visibleVersion(db, actor, id, version);
  const later = (await catalogue.findQuestionnaire(db, id, version))!;
  const key = earlierKey(later, from);
  if (key.id === id && key.version === version) {
    throw new PacteError('questionnaire.invalid_mapping', { reason: 'same_version', question: '—' });
  }
  await visibleVersion(db, actor, key.id, key.version);
  const earlier = (await catalogue.findQuestionnaire(db, key.id, key.version))!;
  return { earlier, later };
}

export async function getQuestionMapping(
  db: Kysely<Database>,
  actor: Actor | null,
  id: string,
  version: number,
  from?: string,
): Promise<QuestionMappingView> {
  if (!actor) throw new PacteError('auth.required');
  const { earlier, later } = await versions(db, actor, id, version, from);
  return describe(earlier, later, await findMappingRows(db, earlier, later));
}

/** Repeats dropped; a question with a successor named loses its « no successor » row. */
function normalise(rows: readonly MappingRow[]): MappingRow[] {
  const unique = [...new Map(rows.map((r) => [`${r.from}\u0000${r.to ?? ''}`, r])).values()];
  const named = new Set(unique.filter((r) => r.to !== null).map((r) => r.from));
  return unique.filter((r) => r.to !== null || !named.has(r.from));
}

export async function saveQuestionMapping(
  db: Kysely<Database>,
  actor: Actor | null,
  id: string,
  version: number,
  rows: readonly MappingRow[],
  from?: string,
): Promise<QuestionMappingView> {
  return inTransaction(db, async (trx) => {
    await editableVersion(trx, actor, id, version);
    const { earlier, later } = await versions(trx, actor, id, version, from);
    const clean = normalise(rows);
    const view = describe(earlier, later, clean);
    await replaceMappingRows(trx, earlier, later, clean);
    await recordAudit(trx, actor, 'questionnaire.mapping', {
      details: { from: `${earlier.id}@${earlier.version}`, to: `${id}@${version}`, rows: clean.length },
    });
    return view;
  });
}
