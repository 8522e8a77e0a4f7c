import type { Kysely } from 'kysely';
import * as accounts from '../db/queries/accounts.js';
import * as jobs from '../db/queries/export-jobs.js';
import type { Database } from '../db/schema.js';
import { PacteError, isPacteError, type ErrorCode } from '../domain/errors.js';
import { operator, type Actor } from '../domain/permissions.js';
import {
  checkExportRequest,
  closeExportBrowser,
  exportReview,
  requirePdfExport,
  type ExportProgress,
  type ExportRequest,
} from './export-review.js';
import { getReviewInContext } from './get-review.js';

/**
 * Exports as background jobs (migrations/011_export_jobs.sql). Asking checks the request and
 * the right to read the review, stores a queued job and returns at once; a worker — in every
 * server process, or the CLI for its own job — takes it from the database, exports with the
 * requester's rights as they are then, and stores the file in the job. Only the requester sees
 * the job (an anonymous job: whoever has its random id). A job whose process died is taken
 * again when it has been silent for STALE_SECONDS, at most MAX_ATTEMPTS times, then failed
 * (`job.interrupted`). Finished jobs are deleted after KEEP_HOURS, by the workers.
 */

export const STALE_SECONDS = 120;
export const MAX_ATTEMPTS = 2;
export const KEEP_HOURS = 24;
/**
 * Unfinished jobs allowed, in all and per requester (anonymous clients count as one): a PDF
 * costs seconds of a core, and a flood of requests must not queue hours of work.
 */
export const MAX_WAITING = 100;
export const MAX_WAITING_PER_REQUESTER = 5;

export type JobStatus = 'queued' | 'running' | 'done' | 'failed';

export interface ExportJob {
  id: string;
  status: JobStatus;
  progress: number;
  error: ErrorCode | null;
  country: string;
  cycle: string;
  format: string;
  fileName: string | null;
}

const view = (row: jobs.ExportJobRow): ExportJob => ({
  id: row.id,
  status: row.status,
  progress: row.progress,
  error: (row.error_code as ErrorCode | null) ?? null,
  country: row.country_code.trim(),
  cycle: row.cycle_id,
  format: row.format,
  fileName: row.file_name,
});

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

function visibleTo(row: jobs.ExportJobRow, actor: Actor | null): boolean {
  if (row.requester === 'anonymous') return true;
  if (row.requester === 'user') return actor !== null && actor.userId === row.user_id;
  return actor !== null && actor.userId === null; // the operator, at the command line
}

/** A job its requester asked for; anyone else gets `job.not_found`, as for an unknown id. */
export async function getExportJob(db: Kysely<Database>, actor: Actor | null, id: string): Promise<ExportJob> {
  const row = await jobs.findExportJob(db, id);
  if (!row || !visibleTo(row, actor)) throw new PacteError('job.not_found', { job: id });
  return view(row);
}

/** The file of a finished job (`job.not_ready` before, `job.failed` if it failed). */
export async function downloadExportJob(
  db: Kysely<Database>,
  actor: Actor | null,
  id: string,
): Promise<{ bytes: Buffer; fileName: string; mediaType: string }> {
  const job = await getExportJob(db, actor, id);
  if (job.status === 'failed') throw new PacteError('job.failed', { job: id, error: job.error });
  const file = job.status === 'done' ? await jobs.findExportJobFile(db, id) : undefined;
  if (!file?.bytes || !file.file_name || !file.media_type) {
    throw new PacteError('job.not_ready', { job: id, status: job.status, progress: job.progress });
  }
  return { bytes: Buffer.from(file.bytes), fileName: file.file_name, mediaType: file.media_type };
}

/** The requester as the worker acts for them: a user with their roles as they are now. */
async function requesterOf(db: Kysely<Database>, row: jobs.ExportJobRow): Promise<Actor | null> {
  if (row.requester === 'anonymous') return null;
  if (row.requester === 'operator') return operator(row.requester_name.replace(/^cli:/u, ''));
  const user = row.user_id === null ? undefined : await jobs.findActiveUser(db, row.user_id);
  if (!user) return null; // the account went or was disabled: no more rights than anyone's
  return { userId: user.id, name: user.email, grants: await accounts.findGrants(db, user.id) };
}

export interface RunOptions {
  /** Only this job (the CLI runs the job it asked for). */
  id?: string;
  /** Called with the job's progress as it is stored (the CLI's progress bar). */
  onProgress?: (job: ExportJob) => void;
}

/**
 * Takes one waiting job and runs it to its end; the job as it ended, or null when none was
 * waiting. A failure is stored in the job (its error code); an unexpected one also goes to
 * `log`, and is stored as `internal.error`.
 */
export async function runNextExportJob(
  db: Kysely<Database>,
  options: RunOptions & { log?: (error: unknown) => void } = {},
): Promise<ExportJob | null> {
  const claimed = await jobs.claimExportJob(db, {
    staleSeconds: STALE_SECONDS,
    maxAttempts: MAX_ATTEMPTS,
    ...(options.id === undefined ? {} : { id: options.id }),
  });
  if (!claimed) return null;
  const attempt = claimed.attempts;
  let current = view(claimed);
  options.onProgress?.(current);
  const progress: ExportProgress = async (percent) => {
    await jobs.reportExportProgress(db, claimed.id, attempt, percent);
    current = { ...current, progress: percent };
    options.onProgress?.(current);
  };
  try {
    const request = {
      country: claimed.country_code.trim(),
      cycle: claimed.cycle_id,
      format: claimed.format,
      lang: claimed.lang ?? undefined,
      layout: claimed.layout ?? undefined,
      version: claimed.version ?? undefined,
    };
    const file = await exportReview(db, await requesterOf(db, claimed), request, progress);
    await jobs.finishExportJob(db, claimed.id, attempt, file);
    current = { ...current, status: 'done', progress: 100, fileName: file.fileName };
  } catch (error) {
    const code: ErrorCode = isPacteError(error) ? error.code : 'internal.error';
    if (!isPacteError(error)) options.log?.(error);
    await jobs.failExportJob(db, claimed.id, attempt, code);
    current = { ...current, status: 'failed', error: code };
  }
  options.onProgress?.(current);
  return current;
}

/**
 * The worker of one process: polls the table every `pollMs` (and at once when `poke`d, after a
 * request in this process), runs one job at a time — a PDF takes a whole core for a second or
 * two — and now and then fails the jobs that died too often and deletes old ones. `stop` waits
 * for the job in hand, and the last worker of the process to stop closes the browser.
 */
/** Workers started in this process: the shared browser is closed when the last one stops. */
let liveWorkers = 0;

export class ExportWorker {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;
  private again = false;
  private lastCleaning = 0;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly options: { pollMs?: number; log?: (error: unknown) => void } = {},
  ) {}

  start(): this {
    liveWorkers++;
    this.schedule(0);
    return this;
  }

  /** A job was just queued here: look now rather than at the next poll. */
  poke(): void {
    if (this.stopped) return;
    if (this.running) this.again = true;
    else this.schedule(0);
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.running = this.drain().finally(() => {
        this.running = null;
        this.schedule(this.again ? 0 : (this.options.pollMs ?? 2000));
        this.again = false;
      });
    }, ms);
    this.timer.unref();
  }

  private async drain(): Promise<void> {
    try {
      if (Date.now() - this.lastCleaning > 10 * 60_000) {
        this.lastCleaning = Date.now();
        await jobs.deleteOldExportJobs(this.db, KEEP_HOURS);
      }
      await jobs.failAbandonedExportJobs(this.db, {
        staleSeconds: STALE_SECONDS,
        maxAttempts: MAX_ATTEMPTS,
        errorCode: 'job.interrupted',
      });
      while (!this.stopped) {
        const job = await runNextExportJob(this.db, { log: this.options.log });
        if (!job) break;
      }
    } catch (error) {
      this.options.log?.(error); // the database is away: try again at the next poll
    }
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
    // Another server of this process (tests build several) may be printing with it.
    if (--liveWorkers === 0) await closeExportBrowser();
  }
}
