import type { Kysely } from 'kysely';
import * as accounts from '../db/queries/accounts.js';
import * as jobs from '../db/queries/export-jobs.js';
import type { Database } from '../db/schema.js';
import { isPacteError, type ErrorCode } from '../domain/errors.js';
import { operator, type Actor } from '../domain/permissions.js';
import { exportJobView as view, type ExportJob } from './export-jobs.js';
import { closeExportBrowser, exportReview, type ExportProgress } from './export-review.js';
import { exportSynthesis } from './export-synthesis.js';

export const STALE_SECONDS = 120;
export const MAX_ATTEMPTS = 2;
export const KEEP_HOURS = 24;

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
    const requester = await requesterOf(db, claimed);
    // A synthesis's export (migration 036): src/services/export-synthesis.ts.
    const file =
      claimed.synthesis_id !== null
        ? await exportSynthesis(
            db,
            requester,
            {
              cycle: claimed.cycle_id,
              id: Number(claimed.synthesis_id),
              format: claimed.format,
              version: claimed.version ?? undefined,
            },
            progress,
          )
        : await exportReview(db, requester, reviewRequest(claimed), progress);
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

function reviewRequest(claimed: jobs.ExportJobRow) {
  return {
    country: (claimed.country_code ?? '').trim(),
    cycle: claimed.cycle_id,
    format: claimed.format,
    lang: claimed.lang ?? undefined,
    layout: claimed.layout ?? undefined,
    version: claimed.version ?? undefined,
  };
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
