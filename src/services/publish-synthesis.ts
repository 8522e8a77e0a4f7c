import type { Kysely } from 'kysely';
import * as syntheses from '../db/queries/syntheses.js';
import * as versions from '../db/queries/synthesis-versions.js';
import type { Database } from '../db/schema.js';
import { PacteError } from '../domain/errors.js';
import type { Actor } from '../domain/permissions.js';
import { recordAudit } from './audit.js';
import { visibleCycle } from './cycle-settings.js';
import { publicCitations } from './public-citations.js';
import { synthesisFigures } from './synthesis-figures.js';
import { openSyntheses, requireSynthesis } from './synthesis-access.js';
import { inTransaction } from './use-case.js';

/**
 * `POST /cycles/{cycle}/syntheses/{id}/publish` (issue 14, item 5): the synthesis's current
 * revision becomes its next dated, numbered version, which never changes (migration 036 refuses
 * any update). Everything the public will read is resolved now and kept in the version:
 *   - each citation as public-citations.ts gives it at this moment: a passage neither in a
 *     published version of the country's review nor approved by its focal point is WITHHELD (no
 *     words, no country, no question), and stays so in this version whatever is approved later;
 *   - each figure FROZEN, counted from PUBLISHED answers (what the public may count, as on the
 *     portal's figures page), with its labels in the synthesis's language, its date and its SVG.
 * Editing goes on in the draft; publishing again makes the next version. The region's
 * secretariat (synthesis.write); a planned cycle, which the public cannot see, is refused
 * (`synthesis.cycle_planned`), as are an empty synthesis (`synthesis.empty`) and a revision
 * already published (`synthesis.already_published`). The synthesis row is locked meanwhile, so
 * two publications (or a save) wait for each other. Audited.
 */
export async function publishSynthesis(
  db: Kysely<Database>,
  actor: Actor | null,
  target: { cycle: string; id: number },
): Promise<versions.SynthesisVersionRow> {
  const { actor: who, cycle } = await openSyntheses(db, actor, target.cycle, 'synthesis.write');
  // What the public may see of the cycle: nothing while it is planned (cycle-settings.ts).
  await visibleCycle(db, null, cycle.id).catch(() => {
    throw new PacteError('synthesis.cycle_planned', { cycle: cycle.id });
  });
  return inTransaction(db, async (trx) => {
    const synthesis = await requireSynthesis(trx, cycle.id, target.id, true);
    const current = await syntheses.findRevision(trx, synthesis.id);
    if (!current) throw new PacteError('synthesis.empty', { synthesis: synthesis.id });
    const published = await versions.listVersions(trx, synthesis.id);
    const last = published.at(-1);
    if (last && last.revision === current.revision)
      throw new PacteError('synthesis.already_published', { synthesis: synthesis.id, version: last.version });
    const version = (last?.version ?? 0) + 1;
    const citations = await publicCitations(trx, { cycle: cycle.id, id: synthesis.id });
    const figures = await synthesisFigures(trx, null, {
      cycle: cycle.id,
      document: current.document,
      language: synthesis.language,
      frozen: true,
    });
    await versions.insertVersion(trx, {
      synthesis: synthesis.id,
      version,
      revision: current.revision,
      title: synthesis.title,
      language: synthesis.language,
      document: current.document,
      citations,
      figures,
      publishedBy: who.name,
    });
    await versions.markPublished(trx, synthesis.id, who.name);
    await recordAudit(trx, who, 'synthesis.publish', {
      cycle: cycle.id,
      details: {
        synthesis: synthesis.id,
        version,
        revision: current.revision,
        withheld: citations.filter((c) => c.withheld).map((c) => c.id),
      },
    });
    const stored = await versions.findVersion(trx, synthesis.id, version);
    if (!stored) throw new Error('a version just published is read back');
    return stored;
  });
}
