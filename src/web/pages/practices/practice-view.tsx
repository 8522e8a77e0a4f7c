import { useState } from 'react';
import { direction } from '../../../domain/language.js';
import { Form, TextArea, type FieldError } from '../../components/form.js';
import { Link } from '../../components/link.js';
import { focusOnMount, messageOf } from '../../components/moves.js';
import { LoadError, Loading, Page } from '../../components/page.js';
import { SyntheticLabel } from '../../components/synthetic.js';
import { post } from '../../lib/api.js';
import { localText, useLocale } from '../../lib/i18n.js';
import { useApi, useApiMutation } from '../../lib/query.js';
import { hasRole, useSession } from '../../lib/session.js';
import type { Practice, PracticeState } from '../../lib/types.js';
import { PracticeTranslation } from './practice-translation.js';

/** A practice's state as a tag, in words (« Proposée », « En examen », « Publiée », « Renvoyée »). */
export function PracticeStateTag({ state }: { state: PracticeState }) {
  const { t } = useLocale();
  return <strong className={`tag practice-state practice-state-${state}`}>{t(`practices.state.${state}`)}</strong>;
}

/**
 * One practice in the app (`/practices/:id`): its fields, the secretariat's comment when it was
 * returned, its history, and what the reader may do now: the country edits it or proposes it
 * again; the secretariat takes it into review, publishes it (after a confirmation) or returns it
 * with a comment.
 */
export function PracticeViewPage({ id }: { id: string }) {
  const { t, language, date } = useLocale();
  const { session } = useSession();
  const path = `/practices/${encodeURIComponent(id)}`;
  const practice = useApi<Practice>(path);
  if (practice.error) return <LoadError error={practice.error} />;
  if (!practice.data) return <Loading />;
  const p = practice.data;
  const own = { lang: p.language, dir: direction(p.language) };
  const text = (label: string, value: string) =>
    value ? (
      <section>
        <h2>{label}</h2>
        <p className="practice-text" {...own}>
          {value}
        </p>
      </section>
    ) : null;
  return (
    <Page
      title={p.title}
      caption={
        <Link to={hasRole(session, 'secretariat') ? '/region/practices' : `/practices/country/${p.country}`}>
          {t('practices.app.back')}
        </Link>
      }
    >
      <p>
        <PracticeStateTag state={p.state} /> {p.synthetic && <SyntheticLabel />}
      </p>
      {p.state === 'returned' && p.returnComment && (
        <div className="notice practice-comment">
          <h2>{t('practices.app.comment')}</h2>
          <p dir="auto">{p.returnComment}</p>
        </div>
      )}
      <PracticeActions practice={p} path={path} />
      {(p.editable || hasRole(session, 'secretariat', 'translator', 'admin')) && (
        <PracticeTranslation key={p.version} practice={p} path={path} />
      )}
      <p className="lead" {...own}>
        {p.summary}
      </p>
      <dl className="summary">
        <div>
          <dt>{t('practices.app.countries')}</dt>
          <dd>{p.countries.map((c) => localText(c.name, language) || c.code).join(' · ')}</dd>
        </div>
        <div>
          <dt>{t('practices.form.scope')}</dt>
          <dd>{t(`practices.scope.${p.scope}`)}</dd>
        </div>
        <div>
          <dt>{t('practices.form.objectives')}</dt>
          <dd>{p.objectives.join(', ') || '—'}</dd>
        </div>
      </dl>
      {text(t('practices.form.description'), p.description)}
      {text(t('practices.form.results'), p.results)}
      {text(t('practices.form.innovation'), p.innovation)}
      {text(t('practices.form.lessons'), p.lessons)}
      {text(t('practices.form.sustainability'), p.sustainability)}
      {p.state === 'published' && (
        <p>
          <a href={`/practices/${p.id}?lang=${language}`}>{t('practices.app.public_page')}</a>
        </p>
      )}
      {p.history && p.history.length > 0 && (
        <section>
          <h2>{t('practices.app.history')}</h2>
          <ol className="practice-history">
            {p.history.map((h, i) => (
              <li key={i}>
                {t(`practices.state.${h.to}`)} — {h.byName}, {date(h.at)}
                {h.comment && (
                  <>
                    {' '}
                    : <q dir="auto">{h.comment}</q>
                  </>
                )}
              </li>
            ))}
          </ol>
        </section>
      )}
    </Page>
  );
}

function PracticeActions({ practice: p, path }: { practice: Practice; path: string }) {
  const { t } = useLocale();
  const [confirming, setConfirming] = useState<PracticeState | null>(null);
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const moving = useApiMutation(
    (body: { to: PracticeState; comment?: string }) => post<Practice>(`${path}/state`, { ...body, version: p.version }),
    ['/practices'],
  );
  const move = async (to: PracticeState) => {
    if (to === 'returned' && !comment.trim()) {
      setErrors([{ field: 'practice-comment', message: t('practices.app.comment_required') }]);
      return;
    }
    try {
      await moving.mutateAsync({ to, ...(to === 'returned' ? { comment } : {}) });
      setErrors([]);
      setConfirming(null);
      setDone(t(`practices.app.moved.${to}`));
    } catch (failure) {
      setErrors([{ field: to === 'returned' ? 'practice-comment' : 'practice-move', message: messageOf(failure) }]);
    }
  };
  const simple = p.moves.filter((m) => m !== 'returned');
  return (
    <>
      {done && (
        <p className="notice" role="status" tabIndex={-1} ref={focusOnMount}>
          {done}
        </p>
      )}
      {p.editable && (
        <p>
          <Link className="button button-secondary" to={`${path}/edit`}>
            {t('practices.app.edit')}
          </Link>
        </p>
      )}
      {simple.length > 0 && confirming === null && (
        <p className="practice-moves" id="practice-move" tabIndex={-1}>
          {simple.map((to) => (
            <button key={to} type="button" className="button" onClick={() => setConfirming(to)}>
              {t(`practices.app.move.${to}`)}
            </button>
          ))}
        </p>
      )}
      {confirming && (
        <div className="notice practice-confirm" role="alertdialog" aria-labelledby="practice-confirm-text">
          <p id="practice-confirm-text">{t(`practices.app.confirm.${confirming}`, { title: p.title })}</p>
          {errors.length > 0 && <p className="error-message">{errors[0]!.message}</p>}
          <button type="button" className="button" ref={focusOnMount} onClick={() => void move(confirming)}>
            {t(`practices.app.move.${confirming}`)}
          </button>{' '}
          <button type="button" className="button button-secondary" onClick={() => setConfirming(null)}>
            {t('practices.app.cancel')}
          </button>
        </div>
      )}
      {p.moves.includes('returned') && (
        <Form errors={errors.filter((e) => e.field === 'practice-comment')} onSubmit={() => move('returned')}>
          <TextArea
            id="practice-comment"
            label={t('practices.app.return_label')}
            hint={t('practices.app.return_hint')}
            errors={errors}
            value={comment}
            onChange={setComment}
            labelAs="h2"
          />
          <button type="submit" className="button button-secondary">
            {t('practices.app.move.returned')}
          </button>
        </Form>
      )}
    </>
  );
}
