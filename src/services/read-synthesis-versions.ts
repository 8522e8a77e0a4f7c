import type { Kysely } from 'kysely';
import * as syntheses from '../db/queries/syntheses.js';
import * as versions from '../db/queries/synthesis-versions.js';
import type { Database } from '../db/schema.js';
import { PacteError } from '../domain/errors.js';
import { can, type Actor } from '../domain/permissions.js';
import { EMPTY_SYNTHESIS } from '../domain/synthesis.js';
import { visibleCycle } from './cycle-settings.js';
import { synthesisFigures, type FigureData } from './synthesis-figures.js';
import { openSyntheses, requireSynthesis } from './synthesis-access.js';

/**
 * `GET /cycles/{cycle}/syntheses/{id}/figures`: the draft's figures, LIVE — counted now, as the
 * reader counts them (the secretariat and translators: the countries' submissions), in the
 * synthesis's language, each with the URL of its chart. The editor renders them with their date.
 */
export async function getSynthesisFigures(
  db: Kysely<Database>,
  actor: Actor | null,
  target: { cycle: string; id: number },
): Promise<{ computedAt: string; figures: FigureData[] }> {
  const { cycle } = await openSyntheses(db, actor, target.cycle, 'synthesis.read');
  const synthesis = await requireSynthesis(db, cycle.id, target.id);
  const current = await syntheses.findRevision(db, synthesis.id);
  const figures = await synthesisFigures(db, actor, {
    cycle: cycle.id,
    document: current?.document ?? EMPTY_SYNTHESIS,
    language: synthesis.language,
    frozen: false,
  });
  return { computedAt: figures[0]?.computedAt ?? new Date().toISOString(), figures };
}

/**
 * A synthesis whose published versions `actor` may read: anyone who sees the cycle, once there is
 * a version; before that, to whoever may not read the draft, it does not exist.
 */
async function publishedSynthesis(db: Kysely<Database>, actor: Actor | null, target: { cycle: string; id: number }) {
  const cycle = await visibleCycle(db, actor, target.cycle);
  const synthesis = await syntheses.findSynthesis(db, cycle.id, target.id);
  const list = synthesis ? await versions.listVersions(db, synthesis.id) : [];
  if (!synthesis || (list.length === 0 && !can(actor, 'synthesis.read', { region: cycle.regionId })))
    throw new PacteError('synthesis.not_found', { cycle: cycle.id, synthesis: target.id });
  return { cycle, synthesis, list };
}

/** `GET /cycles/{cycle}/syntheses/{id}/versions`. */
export async function listSynthesisVersions(
  db: Kysely<Database>,
  actor: Actor | null,
  target: { cycle: string; id: number },
) {
  const { synthesis, list } = await publishedSynthesis(db, actor, target);
  return { synthesis: synthesis.id, versions: list };
}

/** `GET /cycles/{cycle}/syntheses/{id}/versions/{version}`: one version, whole, as the public reads it. */
export async function getSynthesisVersion(
  db: Kysely<Database>,
  actor: Actor | null,
  target: { cycle: string; id: number; version: number },
): Promise<versions.SynthesisVersionRow & { cycle: string }> {
  const { cycle, synthesis } = await publishedSynthesis(db, actor, target);
  const found = await versions.findVersion(db, synthesis.id, target.version);
  if (!found) throw new PacteError('synthesis.version_not_found', { synthesis: synthesis.id, version: target.version });
  return { ...found, cycle: cycle.id };
}
