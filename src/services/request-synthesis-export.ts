import type { Kysely } from 'kysely';
import * as jobs from '../db/queries/export-jobs.js';
import * as syntheses from '../db/queries/syntheses.js';
import * as versions from '../db/queries/synthesis-versions.js';
import type { Database } from '../db/schema.js';
import { PacteError } from '../domain/errors.js';
import { can, type Actor } from '../domain/permissions.js';
import { visibleCycle } from './cycle-settings.js';
import { requirePdfExport } from './export-review.js';
import { exportJobView as view, type ExportJob } from './export-jobs.js';
import { SYNTHESIS_FORMATS } from './export-synthesis.js';
import { MAX_WAITING, MAX_WAITING_PER_REQUESTER } from './request-export.js';

/**
 * `POST /cycles/{cycle}/syntheses/{id}/exports` and the public page's « PDF » / « Word »: queues
 * a DOCX or PDF of a synthesis as an export job (services/export-jobs.ts). The region's secretariat
 * and translators get the draft (or a `version`); anyone else a published version, the latest by
 * default — and a synthesis without one does not exist for them (`synthesis.not_found`). The public
 * asking for the same version shares one job, as for reviews. The same limits as review exports.
 */
export async function requestSynthesisExport(
  db: Kysely<Database>,
  actor: Actor | null,
  request: { cycle: string; id: number; format: string; version?: number | undefined },
): Promise<ExportJob> {
  if (!(SYNTHESIS_FORMATS as readonly string[]).includes(request.format))
    throw new PacteError('export.unsupported_format', {
      format: request.format,
      formats: SYNTHESIS_FORMATS.join(', '),
    });
  if (request.format === 'pdf') await requirePdfExport();
  const cycle = await visibleCycle(db, actor, request.cycle);
  const synthesis = await syntheses.findSynthesis(db, cycle.id, request.id);
  const notFound = new PacteError('synthesis.not_found', { cycle: cycle.id, synthesis: request.id });
  if (!synthesis) throw notFound;
  const readsDraft = can(actor, 'synthesis.read', { region: cycle.regionId });
  let version = request.version ?? null;
  if (!readsDraft || version !== null) {
    const found = await versions.findVersion(db, synthesis.id, version ?? undefined);
    if (!found && !readsDraft) throw notFound;
    if (!found) throw new PacteError('synthesis.version_not_found', { synthesis: synthesis.id, version });
    version = found.version;
  }
  const requester = actor === null ? 'anonymous' : actor.userId !== null ? 'user' : 'operator';
  const job = {
    country: null,
    synthesis: synthesis.id,
    cycle: cycle.id,
    format: request.format,
    lang: synthesis.language,
    layout: null,
    version,
  };
  if (requester === 'anonymous' && version !== null) {
    const existing = await jobs.findSharedExportJob(db, { ...job, version });
    if (existing) return view(existing);
  }
  const waiting = await jobs.countWaitingExportJobs(db, { userId: actor?.userId ?? null, requester });
  if (waiting.mine >= MAX_WAITING_PER_REQUESTER || waiting.all >= MAX_WAITING) {
    const [count, limit] =
      waiting.mine >= MAX_WAITING_PER_REQUESTER
        ? [waiting.mine, MAX_WAITING_PER_REQUESTER]
        : [waiting.all, MAX_WAITING];
    throw new PacteError('job.too_many', { waiting: count, limit });
  }
  return view(
    await jobs.insertExportJob(db, {
      ...job,
      userId: actor?.userId ?? null,
      requester,
      requesterName: actor?.name ?? 'anonymous',
    }),
  );
}
