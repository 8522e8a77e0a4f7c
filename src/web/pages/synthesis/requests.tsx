import { useRef, useState } from 'react';
import { Form, TextArea, errorsOf, type FieldError } from '../../components/form.js';
import { Link } from '../../components/link.js';
import { LoadError, Loading, Page } from '../../components/page.js';
import { SyntheticLabel } from '../../components/synthetic.js';
import { post, reviewPath } from '../../lib/api.js';
import { useLocale } from '../../lib/i18n.js';
import { useApi, useApiMutation } from '../../lib/query.js';
import { requestsPath, type CitationRequest, type CitationRequests } from './api.js';

/**
 * The focal point's requests to quote its country's words in the region's syntheses: each with
 * the passage, the synthesis and who asked; « Approuver » or « Refuser » (a reason if it likes),
 * each confirmed first; the result said in a status message that takes the focus.
 */
export function CitationRequestsPage({ country, cycle }: { country: string; cycle: string }) {
  const { t } = useLocale();
  const path = requestsPath(country, cycle);
  const list = useApi<CitationRequests>(path);
  const [done, setDone] = useState('');
  const status = useRef<HTMLParagraphElement>(null);
  if (list.error) return <LoadError error={list.error} />;
  if (!list.data) return <Loading />;
  const requests = list.data.requests;
  const said = (message: string) => {
    setDone(message);
    window.setTimeout(() => status.current?.focus(), 0);
  };
  return (
    <Page
      title={t('synthesis.requests.title')}
      caption={<Link to={reviewPath(country, cycle)}>{t('synthesis.requests.back')}</Link>}
    >
      {/* The API gives no synthetic flag here: the demo's fictional countries use the X?? codes. */}
      {/^X[A-Z]{2}$/u.test(country.toUpperCase()) && <SyntheticLabel />}
      <p>{t('synthesis.requests.intro')}</p>
      <p className="notice" role="status" tabIndex={-1} ref={status} hidden={!done}>
        {done}
      </p>
      {requests.length === 0 ? (
        <p className="muted">{t('synthesis.requests.none')}</p>
      ) : (
        <ol className="citation-requests">
          {requests.map((r) => (
            <RequestItem key={r.id} request={r} path={path} onDone={said} />
          ))}
        </ol>
      )}
    </Page>
  );
}

function RequestItem(props: { request: CitationRequest; path: string; onDone: (message: string) => void }) {
  const { t, dateTime } = useLocale();
  const r = props.request;
  const [confirming, setConfirming] = useState<'approve' | 'refuse' | null>(null);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const deciding = useApiMutation(
    (verb: 'approve' | 'refuse') =>
      post(`${props.path}/${r.id}/${verb}`, verb === 'refuse' ? { reason: reason.trim() || null } : {}),
    [props.path],
  );
  const decide = async () => {
    if (!confirming) return;
    try {
      await deciding.mutateAsync(confirming);
      setConfirming(null);
      setErrors([]);
      props.onDone(
        confirming === 'approve'
          ? t('synthesis.requests.approved', { title: r.synthesisTitle })
          : t('synthesis.requests.refused', { title: r.synthesisTitle }),
      );
    } catch (failure) {
      setErrors(errorsOf(failure, `reason-${r.id}`));
    }
  };
  return (
    <li data-request={r.id} data-state={r.state}>
      <h2>{t('synthesis.requests.item', { title: r.synthesisTitle, question: r.questionId })}</h2>
      <p className="muted">{t('synthesis.requests.asked', { who: r.requestedBy, when: dateTime(r.requestedAt) })}</p>
      <blockquote dir="auto">{r.passage.text}</blockquote>
      <p>
        <Link to={`${reviewPath(r.country, r.cycle)}/submissions/${r.passage.source.number}`}>
          {t('synthesis.citation.open_submission', { number: r.passage.source.number })}
        </Link>
      </p>
      {r.state === 'pending' ? (
        confirming ? (
          <Form errors={errors} onSubmit={decide} className="request-confirm">
            <p>
              <strong>
                {confirming === 'approve'
                  ? t('synthesis.requests.confirm_approve')
                  : t('synthesis.requests.confirm_refuse')}
              </strong>
            </p>
            {confirming === 'refuse' && (
              <TextArea
                id={`reason-${r.id}`}
                label={t('synthesis.requests.reason')}
                errors={errors}
                rows={3}
                value={reason}
                onChange={setReason}
              />
            )}
            <div className="button-group">
              <button
                type="submit"
                className={confirming === 'approve' ? 'button' : 'button button-warning'}
                disabled={deciding.isPending}
              >
                {confirming === 'approve' ? t('synthesis.requests.yes_approve') : t('synthesis.requests.yes_refuse')}
              </button>
              <button type="button" className="button button-secondary" onClick={() => setConfirming(null)}>
                {t('synthesis.requests.cancel')}
              </button>
            </div>
          </Form>
        ) : (
          <div className="button-group">
            <button type="button" className="button" onClick={() => setConfirming('approve')}>
              {t('synthesis.requests.approve')}
            </button>
            <button type="button" className="button button-secondary" onClick={() => setConfirming('refuse')}>
              {t('synthesis.requests.refuse')}
            </button>
          </div>
        )
      ) : (
        <p>
          <strong className="tag">
            {r.state === 'approved' ? t('synthesis.requests.state.approved') : t('synthesis.requests.state.refused')}
          </strong>{' '}
          {r.decidedAt && t('synthesis.requests.decided', { who: r.decidedBy ?? '', when: dateTime(r.decidedAt) })}
          {r.reason && (
            <>
              {' '}
              <q dir="auto">{r.reason}</q>
            </>
          )}
        </p>
      )}
    </li>
  );
}
