import { writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import type { Config } from '../../config.js';
import { PacteError } from '../../domain/errors.js';
import { isLanguage } from '../../domain/language.js';
import { operator } from '../../domain/permissions.js';
import { downloadExportJob } from '../../services/download-export-job.js';
import type { ExportJob } from '../../services/export-jobs.js';
import { getExportJob } from '../../services/get-export-job.js';
import { requestExport } from '../../services/request-export.js';
import { runNextExportJob } from '../../services/run-export-jobs.js';
import {
  EXPORT_FORMATS,
  closeExportBrowser,
  exportReview as exportFile,
  isExportFormat,
  type ExportRequest,
} from '../../services/export-review.js';
import type { Db } from '../../db/connection.js';
import type { Translate } from '../../i18n/messages.js';
import { progressBar } from '../progress-bar.js';
import { cliTexts } from '../texts.js';
import { withStorage } from './with-storage.js';

/**
 * `pacte export`: the review as DOCX, PDF, HTML, CSV or JSON, to --output or to stdout. A Word
 * or PDF file is never written to a terminal (it would only garble it): it needs --output, or a
 * pipe. A PDF goes through the same job service as the API's (services/export-jobs.ts), run in
 * this process, its progress on stderr.
 */
export async function exportReview(
  config: Config,
  options: {
    country: string;
    cycle: string;
    format: string;
    lang: string | undefined;
    layout: string | undefined;
    output: string | undefined;
  },
): Promise<number> {
  const t = cliTexts(config.language);
  if (!isExportFormat(options.format)) {
    throw new PacteError('export.unsupported_format', { format: options.format, formats: EXPORT_FORMATS.join(', ') });
  }
  if (options.lang !== undefined && !isLanguage(options.lang)) {
    throw new PacteError('cli.usage', { problem: t('usage.lang', { lang: options.lang }) });
  }
  if ((options.format === 'docx' || options.format === 'pdf') && !options.output && process.stdout.isTTY) {
    throw new PacteError('cli.usage', {
      problem: options.format === 'pdf' ? t('usage.binary_pdf') : t('usage.binary_docx'),
    });
  }
  const lang = options.lang;
  const request = {
    country: options.country,
    cycle: options.cycle,
    format: options.format,
    lang,
    layout: options.layout,
  };
  return withStorage(config, 'pacte export', async ({ db }) => {
    const actor = operator(userInfo().username);
    const file =
      options.format === 'pdf'
        ? await exportAsJob(db, request, t).finally(() => closeExportBrowser())
        : await exportFile(db, actor, request);
    if (options.output) writeFileSync(options.output, file.bytes);
    else process.stdout.write(file.bytes);
    return 0;
  });
}

/**
 * Queues the export, runs it here (unless a server sharing the database took it first: then
 * waits for that one) and returns its file; a failed job is its error.
 */
async function exportAsJob(db: Db, request: ExportRequest, t: Translate) {
  const actor = operator(userInfo().username);
  const queued = await requestExport(db, actor, request);
  // Off a terminal, one line per step: « export <id>: running 40% ».
  const bar = progressBar(process.stderr, (percent, status) =>
    t('export.progress', { job: queued.id, status, ratio: percent / 100 }),
  );
  const steps: Record<ExportJob['status'], string> = {
    queued: t('progress.queued'),
    running: t('progress.running'),
    done: t('progress.done'),
    failed: t('progress.failed'),
  };
  const show = (job: ExportJob) => bar.update(job.progress, steps[job.status]);
  let job: ExportJob | null = await runNextExportJob(db, {
    id: queued.id,
    onProgress: show,
    log: (error) => process.stderr.write(`${(error as Error)?.stack ?? String(error)}\n`),
  });
  while (!job || job.status === 'queued' || job.status === 'running') {
    await new Promise((resolve) => setTimeout(resolve, 500));
    job = await getExportJob(db, actor, queued.id);
    show(job);
  }
  bar.end();
  if (job.status === 'failed')
    throw new PacteError(job.error ?? 'internal.error', { ...request, job: job.id, error: job.error });
  return downloadExportJob(db, actor, job.id);
}
