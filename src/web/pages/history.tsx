import { useState } from 'react';
import { Form, SelectField } from '../components/form.js';
import { Link } from '../components/link.js';
import { messageOf } from '../components/moves.js';
import { LoadError, Loading, Page } from '../components/page.js';
import { SyntheticLabel } from '../components/synthetic.js';
import { get, post, reviewPath } from '../lib/api.js';
import { useLocale } from '../lib/i18n.js';
import type { Answer, Diff, DiffLine, Revisions } from '../lib/types.js';
import { ValueText } from '../components/value-text.js';
import { reviewQueries, useApi, useApiMutation } from '../lib/query.js';

interface Props {
  country: string;
  cycle: string;
  questionId: string;
}

/** An answer's revisions, what changed between two, and restoring an old one as a new one. */
export function HistoryPage({ country, cycle, questionId }: Props) {
  const { t, dateTime, number } = useLocale();
  const base = `${reviewPath(country, cycle)}/answers/${encodeURIComponent(questionId)}`;
  const history = useApi<Revisions>(`${base}/revisions`);
  // A restore is a new revision of the answer: the review's pages, the to-do lists and the tracking.
  const restoring = useApiMutation(
    ({ n, latest }: { n: number; latest: number }) => post(`${base}/revisions/${n}/restore`, { baseRevision: latest }),
    reviewQueries(country, cycle),
  );
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [diff, setDiff] = useState<DiffLine[] | null>(null);
  const [valueChange, setValueChange] = useState<Diff['value'] | null>(null);
  // The question (cached from the answer page): how to read a typed value that changed.
  const asked = useApi<Answer>(base);
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');
  if (history.error) return <LoadError error={history.error} />;
  if (!history.data) return <Loading />;
  const revisions = history.data.revisions.slice().sort((a, b) => b.revision - a.revision);
  const latest = revisions[0]?.revision ?? 0;
  const fromValue = from || String(revisions[1]?.revision ?? latest);
  const toValue = to || String(latest);
  const choices = revisions.map((r) => ({ value: String(r.revision), label: number(r.revision) }));

  const compare = async () => {
    try {
      const result = await get<Diff>(`${base}/diff?from=${fromValue}&to=${toValue}`);
      setDiff(result.lines);
      setValueChange(result.value ?? null);
      setError('');
    } catch (failure) {
      setError(messageOf(failure));
    }
  };
  const restore = async (n: number) => {
    try {
      await restoring.mutateAsync({ n, latest });
      setNotice(t('history.restored', { revision: number(n) }));
      setError('');
      setDiff(null);
    } catch (failure) {
      setError(messageOf(failure));
    }
  };

  return (
    <Page
      title={t('history.title', { id: questionId })}
      caption={<Link to={base}>{t('history.back', { id: questionId })}</Link>}
    >
      {history.data.synthetic && <SyntheticLabel />}
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      {error && (
        <p className="error-message" role="alert">
          {error}
        </p>
      )}
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">{t('history.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('history.revision')}</th>
              <th scope="col">{t('history.when')}</th>
              <th scope="col">{t('history.who')}</th>
              <th scope="col">{t('history.action')}</th>
            </tr>
          </thead>
          <tbody>
            {revisions.map((r) => (
              <tr key={r.revision}>
                <td className="numeric">{number(r.revision)}</td>
                <td>{r.createdAt ? dateTime(r.createdAt) : '—'}</td>
                <td dir="auto">
                  {r.authorName || r.author || '—'}
                  {r.origin && <span className="muted"> ({t(`history.origin.${r.origin}`)})</span>}
                </td>
                <td>
                  {r.revision !== latest && (
                    <button type="button" className="link-button" onClick={() => void restore(r.revision)}>
                      {t('history.restore', { revision: number(r.revision) })}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {revisions.length > 1 && (
        <Form errors={[]} onSubmit={compare} className="compare-form">
          <h2>{t('history.compare')}</h2>
          <div className="inline-fields">
            <SelectField
              id="diff-from"
              label={t('history.from')}
              errors={[]}
              value={fromValue}
              onChange={setFrom}
              options={choices}
            />
            <SelectField
              id="diff-to"
              label={t('history.to')}
              errors={[]}
              value={toValue}
              onChange={setTo}
              options={choices}
            />
          </div>
          <button type="submit" className="button">
            {t('history.show_diff')}
          </button>
        </Form>
      )}

      {diff && (
        <section aria-labelledby="diff-heading">
          <h2 id="diff-heading">
            {t('history.diff_title', { from: number(Number(fromValue)), to: number(Number(toValue)) })}
          </h2>
          {valueChange && asked.data && (
            <dl className="summary value-change">
              <div>
                <dt>{t('answerValue.before')}</dt>
                <dd>
                  {valueChange.from ? <ValueText asked={asked.data} value={valueChange.from} /> : t('answerValue.none')}
                </dd>
              </div>
              <div>
                <dt>{t('answerValue.after')}</dt>
                <dd>
                  {valueChange.to ? <ValueText asked={asked.data} value={valueChange.to} /> : t('answerValue.none')}
                </dd>
              </div>
            </dl>
          )}
          <ul className="diff">
            {diff.map((line, i) => (
              <li key={i} className={`diff-${line.op} depth-${Math.min(line.depth, 6)}`}>
                <span className="diff-op">{t(`history.op.${line.op}`)}</span>{' '}
                {line.op === 'added' ? (
                  <ins dir="auto">{line.text}</ins>
                ) : line.op === 'removed' ? (
                  <del dir="auto">{line.text}</del>
                ) : (
                  <span dir="auto">{line.text}</span>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </Page>
  );
}
