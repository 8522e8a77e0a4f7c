import { useState } from 'react';
import { Link } from '../../components/link.js';
import { messageOf } from '../../components/moves.js';
import { post, put, reviewPath } from '../../lib/api.js';
import { localText, useLocale } from '../../lib/i18n.js';
import { useApi, useApiMutation } from '../../lib/query.js';
import { citationPath, synthesisPath, type CitationRead, type SubmittedPassage } from './api.js';
import { CitePanel } from './cite-panel.js';
import { QuotedAnswer } from './render.js';

/**
 * One citation opened: the whole answer of the submission it quotes, the passage highlighted,
 * whose and when, a link to that submission. Flagged (the country answered differently since):
 * the change, « Garder cette citation » or « Citer la nouvelle réponse » — the same words at the
 * same place in the latest submission when they are still there, else a passage chosen among
 * the country's latest sentences. And the request to the country's focal points, with its state.
 */
export function CitationPanel(props: {
  cycle: string;
  synthesis: number;
  citation: number;
  number: number | undefined;
  /** The secretariat: keep, update, ask; a translator only reads. */
  writer: boolean;
  onClose: () => void;
}) {
  const { t, language, date, dateTime } = useLocale();
  const path = citationPath(props.cycle, props.synthesis, props.citation);
  const read = useApi<CitationRead>(path);
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');
  const [choosing, setChoosing] = useState(false);
  const invalidates = [synthesisPath(props.cycle, props.synthesis)];
  const keeping = useApiMutation(() => post(`${path}/keep`), invalidates);
  const updating = useApiMutation((passage: SubmittedPassage) => put(path, { passage }), invalidates);
  const asking = useApiMutation(() => post(`${path}/approval-request`), invalidates);
  const act = async (work: () => Promise<unknown>, done: string) => {
    try {
      setError('');
      await work();
      setChoosing(false);
      setMessage(done);
    } catch (failure) {
      setMessage('');
      setError(messageOf(failure));
    }
  };
  const heading = t('synthesis.citation.heading', { number: props.number ?? '?' });
  const shell = (body: React.ReactNode) => (
    <section className="synthesis-panel citation-panel" aria-labelledby="citation-panel-heading">
      <h2 id="citation-panel-heading" tabIndex={-1}>
        {heading}
      </h2>
      {body}
      <button type="button" className="button button-secondary" onClick={props.onClose}>
        {t('synthesis.close')}
      </button>
    </section>
  );
  if (read.error) return shell(<p className="error-message">{read.error.message}</p>);
  if (!read.data) return shell(<p className="muted">{t('synthesis.loading')}</p>);
  const { citation: c, answer, requests } = read.data;
  const country = localText(read.data.countryName, language) || c.country;
  const request = requests[0] ?? null;
  const submission = `${reviewPath(c.country, props.cycle)}/submissions/${c.submissionNumber}`;
  const newer = () =>
    c.holds
      ? act(
          () =>
            updating.mutateAsync({
              ...c.passage,
              source: { ...c.passage.source, number: c.latestSubmission },
            } as SubmittedPassage),
          t('synthesis.citation.updated', { number: c.latestSubmission }),
        )
      : setChoosing(true);
  return shell(
    <>
      <dl className="summary">
        <div>
          <dt>{t('synthesis.citation.country')}</dt>
          <dd>{country}</dd>
        </div>
        <div>
          <dt>{t('synthesis.citation.question')}</dt>
          <dd>{c.questionId}</dd>
        </div>
        <div>
          <dt>{t('synthesis.citation.submission')}</dt>
          <dd>
            {t('synthesis.citation.submission_of', {
              number: c.submissionNumber,
              date: answer ? date(answer.submittedAt) : '',
            })}{' '}
            <Link to={submission}>{t('synthesis.citation.open_submission', { number: c.submissionNumber })}</Link>
          </dd>
        </div>
      </dl>
      {message && (
        <p className="notice" role="status">
          {message}
        </p>
      )}
      {error && (
        <p className="error-message" role="alert">
          {error}
        </p>
      )}
      {c.outdated && (
        <div className="notice citation-outdated" role="note">
          <p>
            <strong>{t('synthesis.citation.changed', { number: c.latestSubmission })}</strong>
          </p>
          <ul className="citation-change">
            {c.change
              .filter((line) => line.op !== 'same')
              .map((line, i) => (
                <li key={i} className={`diff-${line.op}`} dir="auto">
                  <span className="visually-hidden">
                    {line.op === 'added' ? t('synthesis.citation.added') : t('synthesis.citation.removed')}{' '}
                  </span>
                  {line.op === 'added' ? <ins>{line.text}</ins> : <del>{line.text}</del>}
                </li>
              ))}
          </ul>
          {props.writer && (
            <div className="button-group">
              <button
                type="button"
                className="button"
                disabled={keeping.isPending}
                onClick={() => void act(() => keeping.mutateAsync(), t('synthesis.citation.kept'))}
              >
                {t('synthesis.citation.keep')}
              </button>
              <button type="button" className="button button-secondary" onClick={() => void newer()}>
                {t('synthesis.citation.update')}
              </button>
            </div>
          )}
        </div>
      )}
      {choosing && (
        <CitePanel
          cycle={props.cycle}
          country={c.country}
          nested
          heading={t('synthesis.citation.update_heading', { country })}
          intro={t('synthesis.citation.update_intro', { number: c.latestSubmission })}
          onClose={() => setChoosing(false)}
          onChoose={(passage) =>
            act(() => updating.mutateAsync(passage), t('synthesis.citation.updated', { number: passage.source.number }))
          }
        />
      )}
      <h3>{t('synthesis.citation.quoted')}</h3>
      <blockquote className="citation-passage" dir="auto">
        {c.passage.text}
      </blockquote>
      <h3>{t('synthesis.citation.whole_answer', { number: c.submissionNumber })}</h3>
      <div className="answer quoted-answer" lang={answer?.language} dir={answer?.language === 'ar' ? 'rtl' : 'ltr'}>
        {answer ? (
          <QuotedAnswer blocks={answer.blocks} position={c.passage.position} />
        ) : (
          <p className="muted">{t('synthesis.citation.no_answer')}</p>
        )}
      </div>
      <h3>{t('synthesis.citation.approval')}</h3>
      {request ? (
        <p data-request-state={request.state}>
          {request.state === 'pending'
            ? t('synthesis.request.pending', { when: dateTime(request.requestedAt) })
            : request.state === 'approved'
              ? t('synthesis.request.approved', { when: dateTime(request.decidedAt ?? request.requestedAt) })
              : t('synthesis.request.refused', { when: dateTime(request.decidedAt ?? request.requestedAt) })}
          {request.reason && (
            <>
              {' '}
              <q dir="auto">{request.reason}</q>
            </>
          )}
        </p>
      ) : (
        <p className="muted">{t('synthesis.request.none')}</p>
      )}
      {props.writer && request?.state !== 'pending' && request?.state !== 'approved' && (
        <p>
          <button
            type="button"
            className="button button-secondary"
            disabled={asking.isPending}
            onClick={() => void act(() => asking.mutateAsync(), t('synthesis.request.sent'))}
          >
            {t('synthesis.request.ask')}
          </button>
        </p>
      )}
    </>,
  );
}
