import type { Kysely } from 'kysely';
import * as jobs from '../db/queries/export-jobs.js';
import type { Database } from '../db/schema.js';
import { PacteError } from '../domain/errors.js';
import type { Actor } from '../domain/permissions.js';
import { exportJobView as view, type ExportJob } from './export-jobs.js';
import { checkExportRequest, requirePdfExport, type ExportRequest } from './export-review.js';
import { getReviewInContext } from './get-review.js';

/**
 * Unfinished jobs allowed, in all and per requester (anonymous clients count as one): a PDF
 * costs seconds of a core, and a flood of requests must not queue hours of work.
 */
export const MAX_WAITING = 100;
export const MAX_WAITING_PER_REQUESTER = 5;

/** Queues an export of a review that `actor` may read (else `review.not_found`, as exporting). */
export async function requestExport(
  db: Kysely<Database>,
  actor: Actor | null,
  request: ExportRequest,
): Promise<ExportJob> {
  const { format, layout } = checkExportRequest(request);
  if (format === 'pdf') await requirePdfExport();
  const context = await getReviewInContext(db, actor, request.country, request.cycle, { version: request.version });
  const requester = actor === null ? 'anonymous' : actor.userId !== null ? 'user' : 'operator';
  // The public reads published versions, which never change: every anonymous reader asking for
  // the same export of the same version shares one job (and its file), so a crowd asking for a
  // review's PDF costs one rendering, not one each, and is not refused by the limit below.
  const shared =
    requester === 'anonymous' && context.publication
      ? {
          country: context.review.country,
          cycle: context.review.cycle,
          format,
          lang: request.lang ?? null,
          layout: request.layout === undefined ? null : layout,
          version: context.publication.version,
        }
      : null;
  const existing = shared && (await jobs.findSharedExportJob(db, shared));
  if (existing) return view(existing);
  const waiting = await jobs.countWaitingExportJobs(db, { userId: actor?.userId ?? null, requester });
  if (waiting.mine >= MAX_WAITING_PER_REQUESTER || waiting.all >= MAX_WAITING) {
    const [count, limit] =
      waiting.mine >= MAX_WAITING_PER_REQUESTER
        ? [waiting.mine, MAX_WAITING_PER_REQUESTER]
        : [waiting.all, MAX_WAITING];
    throw new PacteError('job.too_many', { waiting: count, limit });
  }
  const row = await jobs.insertExportJob(db, {
    userId: actor?.userId ?? null,
    requester,
    requesterName: actor?.name ?? 'anonymous',
    country: context.review.country,
    cycle: context.review.cycle,
    format,
    lang: request.lang ?? null,
    layout: request.layout === undefined ? null : layout,
    version: shared?.version ?? request.version ?? null,
  });
  return view(row);
}
