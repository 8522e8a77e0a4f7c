import type { JSONContent } from '@tiptap/core';
import { useEffect, useRef, useState } from 'react';
import { citationNumbers } from '../../components/editor/synthesis-schema.js';
import { messageOf } from '../../components/moves.js';
import { API, get, post } from '../../lib/api.js';
import { useLocale } from '../../lib/i18n.js';
import { useApi, useApiMutation } from '../../lib/query.js';
import type { ExportJob as Job } from '../../lib/types.js';
import {
  synthesisPath,
  type SynthesisCitation,
  type SynthesisFigures as Figures,
  type SynthesisVersion as Version,
  type SynthesisVersions as Versions,
} from './api.js';
import { SynthesisText } from './render.js';

interface Props {
  cycle: string;
  synthesis: number;
  /** The draft's citations (the ones its text cites count: the others are not published). */
  citations: SynthesisCitation[];
  document: JSONContent;
  /** The secretariat publishes and exports the draft; translators only read the versions. */
  writer: boolean;
}

/**
 * « Publication » under the editor: the published versions (read here, downloaded as PDF or Word),
 * publishing the saved text as the next version after a confirmation that says what the public
 * will read, and the draft's own exports for the secretariat. Files are export jobs followed here.
 */
export function PublicationSection(props: Props) {
  const { t, dateTime } = useLocale();
  const path = synthesisPath(props.cycle, props.synthesis);
  const versions = useApi<Versions>(`${path}/versions`);
  // The figures' date: when the server counted the draft's live figures (…/figures computedAt).
  const figures = useApi<Figures>(`${path}/figures`);
  const [confirming, setConfirming] = useState(false);
  const [result, setResult] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [reading, setReading] = useState<number | null>(null);
  const status = useRef<HTMLParagraphElement>(null);
  const publishing = useApiMutation(() => post<Version>(`${path}/publish`, {}), [`${path}/versions`]);

  const cited = citationNumbers(props.document);
  const withheld = props.citations.filter((c) => cited.has(c.id) && !c.quotable).length;

  useEffect(() => {
    if (result || error) status.current?.focus();
  }, [result, error]);

  const publish = async () => {
    setError(null);
    setResult(null);
    try {
      const v = await publishing.mutateAsync(undefined);
      setResult(t('synthesis.publication.published', { version: v.version }));
    } catch (failure) {
      setError(messageOf(failure));
    }
    setConfirming(false);
  };

  const list = versions.data?.versions ?? [];
  return (
    <section className="synthesis-publication" aria-labelledby="synthesis-publication">
      <h2 id="synthesis-publication">{t('synthesis.publication.title')}</h2>
      {figures.data && (
        <p className="muted">{t('synthesis.publication.figures_at', { date: dateTime(figures.data.computedAt) })}</p>
      )}
      {(result || error) && (
        <p ref={status} tabIndex={-1} role={error ? 'alert' : 'status'} className={error ? 'error-message' : 'notice'}>
          {error ?? result}
        </p>
      )}
      <h3>{t('synthesis.publication.versions')}</h3>
      {list.length === 0 ? (
        <p>{t('synthesis.publication.none')}</p>
      ) : (
        <ul className="synthesis-versions" role="list">
          {[...list].reverse().map((v) => (
            <li key={v.version}>
              <p>
                <strong>{t('synthesis.publication.version', { version: v.version })}</strong>{' '}
                {t('synthesis.publication.by', { when: dateTime(v.publishedAt), who: v.publishedBy })}
              </p>
              <div className="button-group">
                <button
                  type="button"
                  className="button button-secondary"
                  aria-expanded={reading === v.version}
                  onClick={() => setReading(reading === v.version ? null : v.version)}
                >
                  {t('synthesis.publication.read', { version: v.version })}
                </button>
                <ExportButtons
                  path={path}
                  version={v.version}
                  label={t('synthesis.publication.version', { version: v.version })}
                />
              </div>
              {reading === v.version && <VersionText path={path} version={v.version} />}
            </li>
          ))}
        </ul>
      )}
      {props.writer && (
        <>
          <h3>{t('synthesis.publication.publish_heading')}</h3>
          {confirming ? (
            <div className="confirm" role="group" aria-labelledby="synthesis-publish-confirm">
              <p id="synthesis-publish-confirm">{t('synthesis.publication.confirm_intro')}</p>
              <ul>
                <li>
                  {withheld === 0
                    ? t('synthesis.publication.confirm_all_quotable')
                    : t('synthesis.publication.confirm_withheld', { count: withheld })}
                </li>
                <li>{t('synthesis.publication.confirm_figures')}</li>
                <li>{t('synthesis.publication.confirm_saved')}</li>
              </ul>
              <div className="button-group">
                <button type="button" className="button" disabled={publishing.isPending} onClick={() => void publish()}>
                  {t('synthesis.publication.confirm')}
                </button>
                <button type="button" className="button button-secondary" onClick={() => setConfirming(false)}>
                  {t('common.cancel')}
                </button>
              </div>
            </div>
          ) : (
            <button type="button" className="button" onClick={() => setConfirming(true)}>
              {t('synthesis.publication.publish')}
            </button>
          )}
          <h3>{t('synthesis.publication.draft_heading')}</h3>
          <div className="button-group">
            <ExportButtons path={path} label={t('synthesis.publication.draft')} />
          </div>
        </>
      )}
    </section>
  );
}

/** A published version read only, as the public reads it (withheld citations keep no text). */
function VersionText({ path, version }: { path: string; version: number }) {
  const { t } = useLocale();
  const read = useApi<Version>(`${path}/versions/${version}`);
  if (read.error) return <p className="error-message">{messageOf(read.error)}</p>;
  if (!read.data) return <p className="muted">{t('synthesis.publication.loading')}</p>;
  const doc = read.data.document as JSONContent;
  return (
    <div className="synthesis-version" aria-label={t('synthesis.publication.version', { version })}>
      <SynthesisText doc={doc} numbers={citationNumbers(doc)} language={read.data.language} />
    </div>
  );
}

/** « Télécharger PDF / Word » of a version (or of the draft): a job followed until its file is ready. */
function ExportButtons({ path, version, label }: { path: string; version?: number; label: string }) {
  const { t, number } = useLocale();
  const [job, setJob] = useState<Job | null>(null);
  const [format, setFormat] = useState<'pdf' | 'docx'>('pdf');
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

  const ask = async (f: 'pdf' | 'docx') => {
    setError(null);
    setFormat(f);
    try {
      setJob(await post<Job>(`${path}/exports`, version ? { format: f, version } : { format: f }));
    } catch (e) {
      setError(messageOf(e));
    }
  };
  // Whole keys, so the messages' usage test finds each of them.
  const text = version
    ? {
        pdf: [t('synthesis.publication.version_pdf'), t('synthesis.publication.version_pdf_label', { label })],
        docx: [t('synthesis.publication.version_docx'), t('synthesis.publication.version_docx_label', { label })],
      }
    : {
        pdf: [t('synthesis.publication.draft_pdf'), t('synthesis.publication.draft_pdf_label', { label })],
        docx: [t('synthesis.publication.draft_docx'), t('synthesis.publication.draft_docx_label', { label })],
      };
  const ready = {
    pdf: t('synthesis.publication.ready_pdf', { label }),
    docx: t('synthesis.publication.ready_docx', { label }),
  };
  return (
    <>
      {(['pdf', 'docx'] as const).map((f) => (
        <button
          key={f}
          type="button"
          className="button button-secondary"
          disabled={working}
          onClick={() => void ask(f)}
          aria-label={text[f][1]}
        >
          {text[f][0]}
        </button>
      ))}
      <div aria-live="polite" className="export-status">
        {error && <p className="error-message">{error}</p>}
        {working && <p>{t('synthesis.publication.progress', { progress: number(job.progress) })}</p>}
        {job?.status === 'done' && job.links.download && (
          <p>
            <a href={job.links.download} download className={`synthesis-download-${format}`}>
              {ready[format]}
            </a>
          </p>
        )}
        {job?.status === 'failed' && (
          <p className="error-message">{t('synthesis.publication.failed', { code: job.error ?? '' })}</p>
        )}
      </div>
    </>
  );
}
