import { useState } from 'react';
import { errorsOf, Form, TextArea, type FieldError } from '../components/form.js';
import { messageOf } from '../components/moves.js';
import { post, put } from '../lib/api.js';
import { localText, useLocale } from '../lib/i18n.js';
import { useApiMutation } from '../lib/query.js';
import type { Answer } from '../lib/types.js';

/** The answer page's suggested objectives (confirm, remove) and its comments (read, add). */
export function Objectives(props: { answer: Answer; base: string; open: boolean; queries: string[] }) {
  const { answer, base } = props;
  const { t, language } = useLocale();
  const [error, setError] = useState('');
  const deciding = useApiMutation(
    ({ n, status }: { n: number; status: 'confirmed' | 'removed' }) => put(`${base}/objectives/${n}`, { status }),
    props.queries,
  );
  const set = async (n: number, status: 'confirmed' | 'removed') => {
    try {
      await deciding.mutateAsync({ n, status });
      setError('');
    } catch (failure) {
      setError(messageOf(failure));
    }
  };
  return (
    <section aria-labelledby="objectives-heading">
      <h2 id="objectives-heading">{t('objectives.title')}</h2>
      {error && (
        <p className="error-message" role="alert">
          {error}
        </p>
      )}
      <ul className="objective-list">
        {answer.objectives.map((o) => (
          <li key={o.number}>
            <span dir="auto">{t('objectives.item', { number: o.number, title: localText(o.title, language) })}</span>{' '}
            <strong className="tag">{t(`objectives.status.${o.status}`)}</strong>
            {answer.may?.edit && props.open && (
              <span className="button-group inline">
                {o.status !== 'confirmed' && (
                  <button type="button" className="link-button" onClick={() => void set(o.number, 'confirmed')}>
                    {t('objectives.confirm', { number: o.number })}
                  </button>
                )}
                {/* Removed objectives are not listed: each listed one may be removed. */}
                <button type="button" className="link-button" onClick={() => void set(o.number, 'removed')}>
                  {t('objectives.remove', { number: o.number })}
                </button>
              </span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function Comments({ answer, base, queries }: { answer: Answer; base: string; queries: string[] }) {
  const { t, dateTime } = useLocale();
  const [body, setBody] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  // A comment: the answer's page and the notifications of those it concerns.
  const commenting = useApiMutation((text: string) => post(`${base}/comments`, { body: text }), queries);
  const send = async () => {
    if (!body.trim()) {
      setErrors([{ field: 'comment-body', message: t('comments.required') }]);
      return;
    }
    try {
      await commenting.mutateAsync(body.trim());
      setBody('');
      setErrors([]);
    } catch (failure) {
      setErrors(errorsOf(failure, 'comment-body'));
    }
  };
  const comments = answer.comments ?? [];
  return (
    <section aria-labelledby="comments-heading">
      <h2 id="comments-heading">{t('comments.title')}</h2>
      {comments.length === 0 ? (
        <p className="muted">{t('comments.none')}</p>
      ) : (
        <ol className="comments">
          {comments.map((c) => (
            <li key={c.id}>
              <p className="comment-meta">
                <strong dir="auto">{c.authorName || c.author}</strong> · <span>{dateTime(c.createdAt)}</span>
                {c.kind && c.kind !== 'comment' && (
                  <>
                    {' '}
                    <span className="tag">{t(`comments.kind.${c.kind}`)}</span>
                  </>
                )}
              </p>
              <p dir="auto">{c.body}</p>
            </li>
          ))}
        </ol>
      )}
      {answer.may?.comment && (
        <Form errors={errors} onSubmit={send}>
          <TextArea
            id="comment-body"
            label={t('comments.add')}
            errors={errors}
            rows={3}
            value={body}
            onChange={setBody}
          />
          <button type="submit" className="button button-secondary" disabled={commenting.isPending}>
            {t('comments.submit')}
          </button>
        </Form>
      )}
    </section>
  );
}
