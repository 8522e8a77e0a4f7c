import { useLocale } from '../../lib/i18n.js';
import type { SynthesisCitation } from './api.js';

/**
 * The synthesis's citations in the order the text first cites them, the flagged ones first: the
 * keyboard's and screen readers' way to each citation (the markers in the text are for the mouse).
 * Citations made but no longer in the text come last, unnumbered.
 */
export function CitationsList(props: {
  citations: SynthesisCitation[];
  numbers: Map<number, number>;
  countryName: (code: string) => string;
  onOpen: (id: number) => void;
}) {
  const { t } = useLocale();
  const order = (c: SynthesisCitation) => props.numbers.get(c.id) ?? Number.MAX_SAFE_INTEGER;
  const sorted = [...props.citations].sort(
    (a, b) => Number(b.outdated) - Number(a.outdated) || order(a) - order(b) || a.id - b.id,
  );
  return (
    <section className="synthesis-citations" aria-labelledby="synthesis-citations">
      <h2 id="synthesis-citations">{t('synthesis.citations.title', { count: props.citations.length })}</h2>
      {sorted.length === 0 ? (
        <p className="muted">{t('synthesis.citations.none')}</p>
      ) : (
        <ul>
          {sorted.map((c) => {
            const number = props.numbers.get(c.id);
            return (
              <li key={c.id} id={`citation-${c.id}`} data-citation-id={c.id} data-outdated={c.outdated}>
                <button type="button" className="link-button" onClick={() => props.onOpen(c.id)}>
                  {number
                    ? t('synthesis.citations.item', {
                        number,
                        country: props.countryName(c.country),
                        question: c.questionId,
                      })
                    : t('synthesis.citations.item_unused', {
                        country: props.countryName(c.country),
                        question: c.questionId,
                      })}
                </button>
                {c.outdated && (
                  <>
                    {' '}
                    <strong className="tag tag-warning">{t('synthesis.citations.flagged')}</strong>
                  </>
                )}
                {c.request && (
                  <>
                    {' '}
                    <span className="tag">
                      {c.request.state === 'pending'
                        ? t('synthesis.citations.request.pending')
                        : c.request.state === 'approved'
                          ? t('synthesis.citations.request.approved')
                          : t('synthesis.citations.request.refused')}
                    </span>
                  </>
                )}
                {/* What the public will read of it once published (a published review holds it, or approved). */}
                <p className="muted citation-public">
                  {c.quotable === 'published'
                    ? t('synthesis.citations.public.published')
                    : c.quotable === 'approved'
                      ? t('synthesis.citations.public.approved')
                      : t('synthesis.citations.public.withheld')}
                </p>
                <blockquote dir="auto" className="citation-excerpt">
                  {c.passage.text}
                </blockquote>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
