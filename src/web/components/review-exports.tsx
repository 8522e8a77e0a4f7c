import { useEffect, useState } from 'react';
import type { Language } from '../../domain/language.js';
import { API, get, post, reviewPath } from '../lib/api.js';
import { LANGUAGES, useLocale } from '../lib/i18n.js';
import type { ExportJob as Job } from '../lib/types.js';
import { SelectField } from './form.js';
import { messageOf } from './moves.js';

const FILES = ['docx', 'html', 'csv', 'json'] as const;

/**
 * Downloads of the review for the team (the working copy they may read): Word, printable HTML,
 * CSV and JSON as plain links; the PDF takes seconds, so it is asked for as a job whose progress
 * is shown until its file can be downloaded.
 */
export function ReviewExports({ country, cycle }: { country: string; cycle: string }) {
  const { t, language, number } = useLocale();
  const [lang, setLang] = useState<Language>(language);
  const [layout, setLayout] = useState<'table' | 'paragraphs'>('table');
  const [job, setJob] = useState<Job | null>(null);
  const [error, setError] = useState<string | null>(null);
  const working = job !== null && (job.status === 'queued' || job.status === 'running');

  useEffect(() => {
    if (!job || !working) return;
    const timer = setTimeout(() => {
      get<Job>(job.links.self.slice(API.length)).then(setJob, (e: unknown) => {
        setError(messageOf(e));
        setJob(null);
      });
    }, 1000);
    return () => clearTimeout(timer);
  }, [job, working]);

  const href = (format: string) =>
    `${API}${reviewPath(country, cycle)}/export?format=${format}&lang=${lang}${format === 'docx' ? `&layout=${layout}` : ''}`;
  const askPdf = async () => {
    setError(null);
    try {
      setJob(await post<Job>('/exports', { country, cycle, format: 'pdf', lang }));
    } catch (e) {
      setError(messageOf(e));
    }
  };

  return (
    <section aria-labelledby="dashboard-exports">
      <h2 id="dashboard-exports">{t('exports.title')}</h2>
      <SelectField
        id="export-lang"
        label={t('exports.language')}
        hint={t('exports.language_hint')}
        errors={[]}
        value={lang}
        onChange={(value) => setLang(value as Language)}
        options={LANGUAGES.map((l) => ({ value: l, lang: l, label: t(`language.${l}`) }))}
      />
      <SelectField
        id="export-layout"
        label={t('exports.layout')}
        errors={[]}
        value={layout}
        onChange={(value) => setLayout(value as 'table' | 'paragraphs')}
        options={[
          { value: 'table', label: t('exports.layout_table') },
          { value: 'paragraphs', label: t('exports.layout_paragraphs') },
        ]}
      />
      <ul className="button-group" role="list">
        {FILES.map((format) => (
          <li key={format}>
            <a className="button button-secondary" href={href(format)} download>
              {t(`exports.${format}`)}
            </a>
          </li>
        ))}
        <li>
          <button type="button" className="button button-secondary" onClick={() => void askPdf()} disabled={working}>
            {t('exports.pdf')}
          </button>
        </li>
      </ul>
      <div aria-live="polite" className="export-status">
        {error && <p className="error-message">{error}</p>}
        {working && (
          <p>
            <label htmlFor="export-progress">{t('exports.pdf_progress', { progress: number(job.progress) })}</label>{' '}
            <progress id="export-progress" max={100} value={job.progress} />
          </p>
        )}
        {job?.status === 'done' && job.links.download && (
          <p>
            <a href={job.links.download} download>
              {t('exports.pdf_ready')}
            </a>
          </p>
        )}
        {job?.status === 'failed' && (
          <p className="error-message">{t('exports.pdf_failed', { code: job.error ?? '' })}</p>
        )}
      </div>
    </section>
  );
}
