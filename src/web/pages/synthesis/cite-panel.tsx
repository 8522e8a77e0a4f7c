import { useState, type ReactNode } from 'react';
import { Form, TextField, errorsOf, type FieldError } from '../../components/form.js';
import { SyntheticLabel } from '../../components/synthetic.js';
import { get } from '../../lib/api.js';
import { localText, useLocale } from '../../lib/i18n.js';
import { cyclePath } from '../regional/regional.js';
import type { PassageFound, PassagesFound, SubmittedPassage } from './api.js';

/**
 * « Citer »: search the region's latest submissions (every question, every country) for
 * sentences holding all the words typed; each result says whose, which question, which
 * submission and when, with the words searched highlighted; « Citer ce passage » gives the
 * passage to the page, which creates the citation and marks the selected words with it.
 * `latestOf` narrows the results to one country (updating a flagged citation).
 */
export function CitePanel(props: {
  cycle: string;
  heading: string;
  intro: ReactNode;
  onChoose: (passage: SubmittedPassage) => Promise<void>;
  onClose: () => void;
  country?: string;
  /** Inside the citation panel: its heading one level down. */
  nested?: boolean;
}) {
  const { t, language, date } = useLocale();
  const [q, setQ] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [found, setFound] = useState<PassagesFound | null>(null);
  const [searched, setSearched] = useState('');
  const [busy, setBusy] = useState(false);
  const search = async () => {
    if (!q.trim()) {
      setErrors([{ field: 'cite-search', message: t('synthesis.cite.required') }]);
      return;
    }
    try {
      setBusy(true);
      const result = await get<PassagesFound>(
        `${cyclePath(props.cycle)}/passages?${new URLSearchParams({ q: q.trim() }).toString()}`,
        language,
      );
      setFound(result);
      setSearched(q.trim());
      setErrors([]);
    } catch (failure) {
      setErrors(errorsOf(failure, 'cite-search'));
    } finally {
      setBusy(false);
    }
  };
  const choose = async (p: PassageFound) => {
    try {
      setBusy(true);
      await props.onChoose(p.passage);
    } catch (failure) {
      setErrors(errorsOf(failure, 'cite-search'));
    } finally {
      setBusy(false);
    }
  };
  const passages = (found?.passages ?? []).filter((p) => !props.country || p.country === props.country);
  return (
    <section className="synthesis-panel" aria-labelledby="cite-panel-heading">
      {props.nested ? (
        <h3 id="cite-panel-heading">{props.heading}</h3>
      ) : (
        <h2 id="cite-panel-heading" tabIndex={-1}>
          {props.heading}
        </h2>
      )}
      <p>{props.intro}</p>
      <Form errors={errors} onSubmit={search} className="cite-search">
        <TextField id="cite-search" label={t('synthesis.cite.search')} errors={errors} value={q} onChange={setQ} />
        <div className="button-group">
          <button type="submit" className="button button-secondary" disabled={busy}>
            {t('synthesis.cite.search_button')}
          </button>
          <button type="button" className="button button-secondary" onClick={props.onClose}>
            {t('synthesis.close')}
          </button>
        </div>
      </Form>
      {found && (
        <p role="status">
          {t('synthesis.cite.found', { count: passages.length, total: found.total, words: searched })}
        </p>
      )}
      {/* Focusable so the keyboard scrolls it (a long list scrolls in its own box). */}
      <ol className="passage-results" tabIndex={0} aria-label={t('synthesis.cite.results')}>
        {passages.map((p, i) => (
          <li key={i}>
            <p className="passage-source">
              <strong>{localText(p.countryName, language) || p.country}</strong>
              {p.synthetic && <SyntheticLabel inline />} ·{' '}
              {t('synthesis.cite.source', {
                question: p.passage.questionId,
                number: p.passage.source.number,
                date: date(p.submittedAt),
              })}
            </p>
            <blockquote lang={p.language} dir="auto">
              {highlight(p.passage.text, searched)}
            </blockquote>
            <button type="button" className="button" disabled={busy} onClick={() => void choose(p)}>
              {t('synthesis.cite.choose', { country: localText(p.countryName, language) || p.country })}
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** The words searched, highlighted where they begin a word (case and accents folded). */
function highlight(text: string, words: string): ReactNode {
  const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  const terms = words
    .split(/\s+/u)
    .map(fold)
    .filter((w) => w.length > 0);
  if (terms.length === 0) return text;
  const out: ReactNode[] = [];
  let from = 0;
  for (const match of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    const word = fold(match[0]);
    if (!terms.some((term) => word.startsWith(term))) continue;
    out.push(text.slice(from, match.index), <mark key={match.index}>{match[0]}</mark>);
    from = match.index + match[0].length;
  }
  out.push(text.slice(from));
  return out;
}
