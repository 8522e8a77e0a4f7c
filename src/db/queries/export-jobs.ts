import { sql, type Kysely, type Selectable } from 'kysely';
import type { Language } from '../../domain/language.js';
import type { Database } from '../schema.js';

type Db = Kysely<Database>;

/** Export jobs (migrations/011_export_jobs.sql): the queue of background exports and their files. */

export type ExportJobRow = Omit<Selectable<Database['export_job']>, 'bytes'>;

/** Every column but the file, which only the download reads. */
const COLUMNS = [
  'id',
  'user_id',
  'requester',
  'requester_name',
  'country_code',
  'cycle_id',
  'format',
  'lang',
  'layout',
  'version',
  'synthesis_id',
  'status',
  'progress',
  'error_code',
  'attempts',
  'file_name',
  'media_type',
  'created_at',
  'heartbeat_at',
  'finished_at',
] as const;

export async function insertExportJob(
  db: Db,
  job: {
    userId: number | null;
    requester: 'user' | 'anonymous' | 'operator';
    requesterName: string;
    /** A review's export: its country; a synthesis's: null, and `synthesis` (migration 036). */
    country: string | null;
    synthesis?: number | null;
    cycle: string;
    format: string;
    lang: Language | null;
    layout: string | null;
    version: number | null;
  },
): Promise<ExportJobRow> {
  return db
    .insertInto('export_job')
    .values({
      user_id: job.userId,
      requester: job.requester,
      requester_name: job.requesterName,
      country_code: job.country,
      synthesis_id: job.synthesis == null ? null : String(job.synthesis),
      cycle_id: job.cycle,
      format: job.format,
      lang: job.lang,
      layout: job.layout,
      version: job.version,
    })
    .returning(COLUMNS)
    .executeTakeFirstOrThrow();
}

/**
 * An anonymous job, not failed, of exactly this export of one published version: a version
 * never changes, so its file can be given to every reader who asks for it.
 */
export async function findSharedExportJob(
  db: Db,
  job: {
    country: string | null;
    synthesis?: number | null;
    cycle: string;
    format: string;
    lang: Language | null;
    layout: string | null;
    version: number;
  },
): Promise<ExportJobRow | undefined> {
  const synthesis = job.synthesis == null ? null : String(job.synthesis);
  return db
    .selectFrom('export_job')
    .select(COLUMNS)
    .where('requester', '=', 'anonymous')
    .where('status', '<>', 'failed')
    .where(sql<boolean>`country_code is not distinct from ${job.country}`)
    .where(sql<boolean>`synthesis_id is not distinct from ${synthesis}::bigint`)
    .where('cycle_id', '=', job.cycle)
    .where('format', '=', job.format)
    .where('version', '=', job.version)
    .where(sql<boolean>`lang is not distinct from ${job.lang}`)
    .where(sql<boolean>`layout is not distinct from ${job.layout}`)
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** A job, without its file; undefined for an id that is no job (or not a uuid at all). */
export async function findExportJob(db: Db, id: string): Promise<ExportJobRow | undefined> {
  if (!UUID.test(id)) return undefined;
  return db.selectFrom('export_job').select(COLUMNS).where('id', '=', id).executeTakeFirst();
}

export async function findExportJobFile(
  db: Db,
  id: string,
): Promise<{ bytes: Uint8Array | null; file_name: string | null; media_type: string | null } | undefined> {
  if (!UUID.test(id)) return undefined;
  return db
    .selectFrom('export_job')
    .select(['bytes', 'file_name', 'media_type'])
    .where('id', '=', id)
    .executeTakeFirst();
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/iu;

/**
 * Takes the oldest job waiting — queued, or running but silent for `staleSeconds` (its process
 * died) and taken fewer than `maxAttempts` times — and marks it running, in one statement:
 * `for update skip locked` lets workers of several instances claim at once without taking the
 * same job or waiting for each other. `id` restricts it to one job (the CLI runs its own).
 */
export async function claimExportJob(
  db: Db,
  options: { staleSeconds: number; maxAttempts: number; id?: string },
): Promise<ExportJobRow | undefined> {
  const only = options.id === undefined ? sql`` : sql`and id = ${options.id}`;
  const { rows } = await sql<ExportJobRow>`
    update export_job set status = 'running', attempts = attempts + 1, heartbeat_at = now(), progress = 0
    where id = (
      select id from export_job
      where (status = 'queued'
             or (status = 'running' and heartbeat_at < now() - make_interval(secs => ${options.staleSeconds})))
        and attempts < ${options.maxAttempts} ${only}
      order by created_at
      limit 1
      for update skip locked
    )
    returning ${sql.join(COLUMNS.map((c) => sql.ref(c)))}`.execute(db);
  return rows[0];
}

/**
 * Running jobs whose worker died `maxAttempts` times: failed with `errorCode`, so that their
 * requester hears of it instead of waiting for ever. Returns how many.
 */
export async function failAbandonedExportJobs(
  db: Db,
  options: { staleSeconds: number; maxAttempts: number; errorCode: string },
): Promise<number> {
  const result = await db
    .updateTable('export_job')
    .set({ status: 'failed', error_code: options.errorCode, finished_at: sql<string>`now()` })
    .where('status', '=', 'running')
    .where('attempts', '>=', options.maxAttempts)
    .where('heartbeat_at', '<', sql<Date>`now() - make_interval(secs => ${options.staleSeconds})`)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** The worker is alive and this far; false when the job is no longer its own (taken again). */
export async function reportExportProgress(db: Db, id: string, attempt: number, progress: number): Promise<boolean> {
  const result = await db
    .updateTable('export_job')
    .set({ progress, heartbeat_at: sql<string>`now()` })
    .where('id', '=', id)
    .where('status', '=', 'running')
    .where('attempts', '=', attempt)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function finishExportJob(
  db: Db,
  id: string,
  attempt: number,
  file: { bytes: Uint8Array; fileName: string; mediaType: string },
): Promise<void> {
  await db
    .updateTable('export_job')
    .set({
      status: 'done',
      progress: 100,
      bytes: file.bytes,
      file_name: file.fileName,
      media_type: file.mediaType,
      finished_at: sql<string>`now()`,
    })
    .where('id', '=', id)
    .where('status', '=', 'running')
    .where('attempts', '=', attempt)
    .execute();
}

export async function failExportJob(db: Db, id: string, attempt: number, errorCode: string): Promise<void> {
  await db
    .updateTable('export_job')
    .set({ status: 'failed', error_code: errorCode, finished_at: sql<string>`now()` })
    .where('id', '=', id)
    .where('status', '=', 'running')
    .where('attempts', '=', attempt)
    .execute();
}

/** Finished jobs (and their files) older than `hours`; returns how many went. */
export async function deleteOldExportJobs(db: Db, hours: number): Promise<number> {
  const result = await db
    .deleteFrom('export_job')
    .where('finished_at', '<', sql<Date>`now() - make_interval(hours => ${hours})`)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Jobs not finished yet: all of them, and those of one requester (anonymous ones count together). */
export async function countWaitingExportJobs(
  db: Db,
  requester: { userId: number | null; requester: string },
): Promise<{ all: number; mine: number }> {
  const { rows } = await sql<{ all: string; mine: string }>`
    select count(*) as all,
           count(*) filter (where requester = ${requester.requester}
                              and user_id is not distinct from ${requester.userId}::integer) as mine
    from export_job where status in ('queued', 'running')`.execute(db);
  return { all: Number(rows[0]?.all ?? 0), mine: Number(rows[0]?.mine ?? 0) };
}

/** An account that may still act (not disabled), for a job run on its behalf. */
export async function findActiveUser(db: Db, id: number): Promise<{ id: number; email: string } | undefined> {
  return db
    .selectFrom('user_account')
    .select(['id', 'email'])
    .where('id', '=', id)
    .where('disabled_at', 'is', null)
    .executeTakeFirst();
}
