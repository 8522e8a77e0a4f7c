import { useState, type FormEvent } from 'react';
import { Link } from '../components/link.js';
import { messageOf } from '../components/moves.js';
import { LoadError, Loading, Page } from '../components/page.js';
import { SyntheticLabel } from '../components/synthetic.js';
import { get, post, reviewPath } from '../lib/api.js';
import { useLocale } from '../lib/i18n.js';
import type { DiffLine, Revision } from '../lib/types.js';
import { useData } from '../lib/use-data.js';

interface Props {
  country: string;
  cycle: string;
  questionId: string;
}

/** An answer's revisions, what changed between two, and restoring an old one as a new one. */
export function HistoryPage({ country, cycle, questionId }: Props) {
  const { t, dateTime, number } = useLocale();
  const base = `${reviewPath(country, cycle)}/answers/${encodeURIComponent(questionId)}`;
  const history = useData<{ revisions: Revision[]; synthetic: boolean }>(`${base}/revisions`);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [diff, setDiff] = useState<DiffLine[] | null>(null);
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');
  if (history.error) return <LoadError error={history.error} />;
  if (!history.data) return <Loading />;
  const revisions = history.data.revisions.slice().sort((a, b) => b.revision - a.revision);
  const latest = revisions[0]?.revision ?? 0;
  const fromValue = from || String(revisions[1]?.revision ?? latest);
  const toValue = to || String(latest);

  const compare = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const result = await get<{ lines: DiffLine[] }>(`${base}/diff?from=${fromValue}&to=${toValue}`);
      setDiff(result.lines);
      setError('');
    } catch (failure) {
      setError(messageOf(failure));
    }
  };
  const restore = async (n: number) => {
    try {
      await post(`${base}/revisions/${n}/restore`, { baseRevision: latest });
      setNotice(t('history.restored', { revision: number(n) }));
      setError('');
      setDiff(null);
      history.reload();
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
                  {r.author ?? '—'}
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
        <form onSubmit={(e) => void compare(e)} className="compare-form">
          <h2>{t('history.compare')}</h2>
          <div className="inline-fields">
            <div className="field">
              <label htmlFor="diff-from">{t('history.from')}</label>
              <select id="diff-from" value={fromValue} onChange={(e) => setFrom(e.target.value)}>
                {revisions.map((r) => (
                  <option key={r.revision} value={r.revision}>
                    {number(r.revision)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="diff-to">{t('history.to')}</label>
              <select id="diff-to" value={toValue} onChange={(e) => setTo(e.target.value)}>
                {revisions.map((r) => (
                  <option key={r.revision} value={r.revision}>
                    {number(r.revision)}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <button type="submit" className="button">
            {t('history.show_diff')}
          </button>
        </form>
      )}

      {diff && (
        <section aria-labelledby="diff-heading">
          <h2 id="diff-heading">
            {t('history.diff_title', { from: number(Number(fromValue)), to: number(Number(toValue)) })}
          </h2>
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
