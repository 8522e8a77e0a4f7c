import type { Language } from '../../domain/language.js';
import type { Actor } from '../../domain/permissions.js';
import { translate } from '../../i18n/index.js';
import type { ExportJob } from '../../services/export-jobs.js';
import { html } from '../../domain/html.js';
import { layout } from './html.js';

/** Seconds between reloads of a job's page while it is made (no script: a meta refresh). */
export const JOB_REFRESH_SECONDS = 2;

/**
 * A PDF being made, for pages without script: how far it is, a link to look again and, for
 * whoever asks for it (`follow`), a page that reloads itself until the job ends — asked, not
 * imposed: a page that reloads on its own is a time limit for people with screen readers
 * (WCAG 2.2.1). Then the file; a failed job says so (`failure`: the translated reason).
 */
export function exportJobPage(
  job: ExportJob,
  failure: string | null,
  language: Language,
  actor: Actor | null = null,
  follow = false,
): string {
  const t = (key: string, params: Record<string, unknown> = {}) => translate(language, 'ui', key, params);
  const back = html`<p><a href="/reviews/${job.country}/${job.cycle}?lang=${language}">${t('job.back')}</a></p>`;
  const waiting = job.status === 'queued' || job.status === 'running';
  const self = `/exports/${job.id}?lang=${language}`;
  let title: string;
  let body;
  if (waiting) {
    title = t('job.title');
    body = html`<p role="status">
        ${job.status === 'queued' ? t('job.queued') : t('job.running', { progress: job.progress })}
      </p>
      <progress id="job-progress" max="100" value="${job.progress}" aria-label="${t('job.title')}">
        ${job.progress}%
      </progress>
      <p><a href="${self}">${t('job.check_again')}</a></p>
      <p class="hint">
        ${
          follow
            ? html`${t('job.refresh_note')} <a href="${self}">${t('job.stop_follow')}</a>`
            : html`<a href="${self}&amp;follow=1">${t('job.follow')}</a>`
        }
      </p>`;
  } else if (job.status === 'done') {
    title = t('job.done_title');
    body = html`<p>
        <a class="button" href="/api/v1/jobs/${job.id}/file" download>${t('job.download')}</a>
      </p>
      <p class="hint"><bdi>${job.fileName ?? ''}</bdi></p>`;
  } else {
    title = t('job.failed_title');
    body = html`<div class="notice" role="alert"><p>${failure ?? ''}</p></div>`;
  }
  const main = html`<h1>${title}</h1>
    ${body} ${back}`;
  return layout({
    language,
    path: `/exports/${job.id}`,
    title,
    main,
    actor,
    ...(waiting && follow ? { refresh: JOB_REFRESH_SECONDS } : {}),
  });
}
